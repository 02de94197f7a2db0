import { UserError } from '../errors.ts';

/**
 * The search language: words (implicitly AND-ed), "quoted phrases", AND / OR / NOT,
 * parentheses, NEAR(a b, N), `title:` to restrict a word to headlines, and `sub:` for a
 * plain substring of the text (`sub:人民政`, `sub:"乡村 振兴局"`, `title:sub:政府`).
 * Precedence, loosest first: OR, AND (explicit or implicit), NOT (binary: a NOT b).
 */
export type QueryNode =
  | { kind: 'term'; text: string; phrase: boolean; column?: 'title'; substring?: boolean }
  | { kind: 'and' | 'or'; items: QueryNode[] }
  | { kind: 'not'; left: QueryNode; right: QueryNode }
  | { kind: 'near'; terms: string[]; distance: number };

type Tok =
  | { t: 'word' | 'phrase'; v: string; column?: 'title'; substring?: boolean; pos: number }
  | { t: 'AND' | 'OR' | 'NOT' | '(' | ')' | 'NEAR'; pos: number };

export class QuerySyntaxError extends UserError {
  constructor(message: string) {
    super(`query syntax: ${message}`, 2);
  }
}

function lex(q: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < q.length) {
    const c = q[i];
    if (/\s/.test(c)) { i++; continue; }
    if (c === '(' || c === ')') { out.push({ t: c, pos: i }); i++; continue; }
    let column: 'title' | undefined;
    if (q.startsWith('title:', i)) { column = 'title'; i += 6; }
    let substring: true | undefined;
    if (q.startsWith('sub:', i)) { substring = true; i += 4; }
    if (q[i] === '"' || q[i] === '“') {
      const close = q[i] === '"' ? '"' : '”';
      const end = q.indexOf(close, i + 1);
      if (end < 0) throw new QuerySyntaxError(`unclosed quote at character ${i + 1}`);
      const v = q.slice(i + 1, end).trim();
      if (!v) throw new QuerySyntaxError(`empty phrase at character ${i + 1}`);
      out.push({ t: 'phrase', v, column, substring, pos: i });
      i = end + 1;
      continue;
    }
    const m = /^[^\s()"“”]+/.exec(q.slice(i));
    if (!m) throw new QuerySyntaxError(substring ? `sub: needs text right after it, at character ${i + 1}` : `unexpected "${q[i]}" at character ${i + 1}`);
    const w = m[0];
    if (substring) out.push({ t: 'word', v: w, column, substring, pos: i });
    else if (!column && (w === 'AND' || w === 'OR' || w === 'NOT')) out.push({ t: w, pos: i });
    else if (!column && w === 'NEAR' && q[i + 4] === '(') out.push({ t: 'NEAR', pos: i });
    else out.push({ t: 'word', v: w, column, pos: i });
    i += w.length;
  }
  return out;
}

export function parseQuery(q: string): QueryNode {
  const toks = lex(q);
  if (!toks.length) throw new QuerySyntaxError('empty query');
  let p = 0;
  const peek = () => toks[p];
  const where = () => (p < toks.length ? `at character ${toks[p].pos + 1}` : 'at the end');

  function parseOr(): QueryNode {
    const items = [parseAnd()];
    while (peek()?.t === 'OR') { p++; items.push(parseAnd()); }
    return items.length === 1 ? items[0] : { kind: 'or', items };
  }
  function parseAnd(): QueryNode {
    const items = [parseNot()];
    for (;;) {
      const t = peek();
      if (!t || t.t === 'OR' || t.t === ')') break;
      if (t.t === 'AND') p++;
      items.push(parseNot());
    }
    return items.length === 1 ? items[0] : { kind: 'and', items };
  }
  function parseNot(): QueryNode {
    let left = parseAtom();
    while (peek()?.t === 'NOT') { p++; left = { kind: 'not', left, right: parseAtom() }; }
    return left;
  }
  function parseAtom(): QueryNode {
    const t = peek();
    if (!t) throw new QuerySyntaxError(`a word is missing ${where()}`);
    if (t.t === 'word' || t.t === 'phrase') {
      p++;
      return { kind: 'term', text: t.v, phrase: t.t === 'phrase', ...(t.column && { column: t.column }), ...(t.substring && { substring: true }) };
    }
    if (t.t === '(') {
      p++;
      const inner = parseOr();
      if (peek()?.t !== ')') throw new QuerySyntaxError(`missing ")" ${where()}`);
      p++;
      return inner;
    }
    if (t.t === 'NEAR') return parseNear();
    throw new QuerySyntaxError(`unexpected ${t.t} ${where()}`);
  }
  function parseNear(): QueryNode {
    p += 2; // NEAR (
    const terms: string[] = [];
    let distance = 10;
    while (peek() && peek().t !== ')') {
      const t = peek();
      if (t.t !== 'word' && t.t !== 'phrase') throw new QuerySyntaxError(`NEAR takes words and a distance ${where()}`);
      // NEAR counts words in the word index; a substring has no place there.
      if (t.substring || t.column) throw new QuerySyntaxError(`NEAR takes plain words, not sub: or title: ${where()}`);
      p++;
      const m = t.t === 'word' ? /^(.*?),(\d*)$/.exec(t.v) : null;
      if (m) {
        if (m[1]) terms.push(m[1]);
        if (m[2]) distance = Number(m[2]);
        else {
          const d = peek();
          if (d?.t !== 'word' || !/^\d+$/.test(d.v)) throw new QuerySyntaxError(`NEAR distance must be a number ${where()}`);
          distance = Number(d.v); p++;
        }
      } else terms.push(t.v);
    }
    if (peek()?.t !== ')') throw new QuerySyntaxError(`missing ")" after NEAR ${where()}`);
    p++;
    if (terms.length < 2) throw new QuerySyntaxError('NEAR needs at least two words');
    return { kind: 'near', terms, distance };
  }

  const node = parseOr();
  if (p < toks.length) throw new QuerySyntaxError(`unexpected ${toks[p].t === 'word' ? `"${(toks[p] as { v: string }).v}"` : toks[p].t} ${where()}`);
  return node;
}

/** A term to rank and highlight by: words, or (substring) a plain string of the text. */
export interface QueryTerm {
  text: string;
  substring?: boolean;
}

/** The terms of the query that must appear (not under NOT): for ranking and highlighting. */
export function positiveTerms(n: QueryNode): QueryTerm[] {
  switch (n.kind) {
    case 'term': return [n.substring ? { text: n.text, substring: true } : { text: n.text }];
    case 'near': return n.terms.map((text) => ({ text }));
    case 'and': case 'or': return n.items.flatMap(positiveTerms);
    case 'not': return positiveTerms(n.left);
  }
}

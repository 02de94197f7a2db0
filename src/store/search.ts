import type Database from 'better-sqlite3';
import { tokenIndexAt, type Token } from '../tokens.ts';
import type { Store } from './db.ts';
import { parseQuery, positiveTerms, QuerySyntaxError, type QueryNode, type QueryTerm } from './query-parser.ts';
import { compoundsOf, ensureWordParts, liteParts, PART_ENDS, PART_STARTS, type WordPart } from './word-parts.ts';
import { liteJieba } from './lite-jieba.ts';
import { UserError } from '../errors.ts';
import { isIsoDate } from '../iso-date.ts';

export interface SearchFilters {
  /** Inclusive publication-date bounds, YYYY-MM-DD (YYYY or YYYY-MM also accepted). */
  from?: string;
  to?: string;
  /** Source key, source name or e-paper section (新郑时报). */
  source?: string;
}

export interface SearchOptions extends SearchFilters {
  query: string;
  limit?: number;
  offset?: number;
  sort?: 'relevance' | 'date';
}

export interface SearchHit {
  id: number;
  title: string;
  published: string | null;
  source: string | null;
  section: string | null;
  url: string | null;
  score: number;
  /** A window of the article text with each hit between [ and ]. */
  snippet: string;
}

/** Titles weigh five times the body in BM25, as a headline mention is the stronger signal. */
const TITLE_WEIGHT = 5.0;
/** The trigram index finds substrings of at least this many characters. */
const TRIGRAM_MIN_CHARS = 3;
/**
 * Most word sequences one term (or one NEAR) may expand to. A phrase multiplies the
 * compounds of its first and last word; beyond this FTS5 parsing alone gets slow.
 */
export const MAX_EXPANSIONS = 2000;
/** Shorter substrings are found by reading article texts: at most this many without a word to narrow them. */
export const SHORT_SUBSTRING_SCAN_LIMIT = 200_000;

/**
 * How queries and the texts around hits are cut into words: by default jieba's port over a
 * compact copy of its dictionaries (src/store/lite-jieba.ts), which cuts exactly as jieba
 * does without loading it. `whole` cuts a text for its snippet in one piece, as ingest did;
 * else only the stretch between two of jieba's separators (space, tab, newline, ，。) around
 * each candidate hit is cut, which gives the same words since jieba cuts those stretches
 * independently.
 */
export interface Segmenter {
  cut(text: string): string[];
  parts(word: string): WordPart[];
  whole?: boolean;
}

/** The read side's segmenter: no jieba dictionaries loaded. */
export const LITE_SEGMENTER: Segmenter = { cut: (t) => liteJieba().cut(t), parts: liteParts };

interface Compiled {
  sql: string;
  params: unknown[];
}

/** What compile needs besides the query: the store and the filters, for substring scans. */
interface Context {
  db: Database.Database;
  seg: Segmenter;
  filter: { where: string[]; params: unknown[] };
}

// Spaces between Chinese characters are not in the printed text.
const joinHan = (s: string) => s.replace(/(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])/g, '');

/** A term's jieba words (punctuation left out, as the word index leaves it out). */
function queryWords(seg: Segmenter, text: string): string[] {
  return seg.cut(joinHan(text)).map((w) => w.trim()).filter((w) => w && !/^[\p{P}\p{S}]+$/u.test(w));
}

const quote = (words: string[]) => `"${words.map((w) => w.replace(/"/g, '""')).join(' ')}"`;

/**
 * The word sequences a term matches in the word index. One word: itself, or any indexed
 * word it is a part of (书记 → 县委书记). Several: consecutive words, the first one also
 * ending a compound and the last one also starting one (书记 观摩 → 县委书记 观摩), so the
 * phrase still reads as one stretch of text; inner words match whole.
 */
function wordAlternatives(db: Database.Database, words: string[], seg: Segmenter): string[][] {
  if (words.length === 1) {
    // A single character is never a part on its own: 县 does not find 县委.
    const alts = [words[0], ...(words[0].length >= 2 ? compoundsOf(db, words[0]) : [])];
    checkExpansion(words[0], alts.length);
    // A word of 3+ characters the text cut into pieces (“河|长|制” inside quotes) is still that
    // word when the pieces are whole words that spell it exactly: never part of a longer word.
    return [...alts.map((w) => [w]), ...splitsOf(words[0])];
  }
  const first = [words[0], ...compoundsOf(db, words[0], PART_ENDS)];
  const last = [words[words.length - 1], ...compoundsOf(db, words[words.length - 1], PART_STARTS)];
  checkExpansion(words.join(''), first.length * last.length);
  const inner = words.slice(1, -1);
  return first.flatMap((f) => last.map((l) => [f, ...inner, l]));
}

/** Longest word whose every split into whole words is searched (2^(n-1) - 1 splits). */
const MAX_SPLIT_CHARS = 8;

/** Every way to write a word of 3+ characters as two or more whole words (河长制: 河 长制, 河长 制, 河 长 制). */
function splitsOf(word: string): string[][] {
  const cs = [...word];
  if (cs.length < 3 || cs.length > MAX_SPLIT_CHARS) return [];
  const out: string[][] = [];
  for (let mask = 1; mask < 1 << (cs.length - 1); mask++) {
    const pieces: string[] = [];
    let cur = cs[0];
    for (let i = 1; i < cs.length; i++) {
      if (mask & (1 << (i - 1))) (pieces.push(cur), (cur = cs[i]));
      else cur += cs[i];
    }
    pieces.push(cur);
    out.push(pieces);
  }
  return out;
}

function checkExpansion(what: string, n: number): void {
  if (n > MAX_EXPANSIONS) {
    throw new UserError(`query: "${what}" stands for ${n} word sequences (more than ${MAX_EXPANSIONS}); use fewer words in the phrase, or sub:`, 2);
  }
}

/** A word term as one FTS5 expression over fts_words, or undefined when it has no words. */
function wordExpression(db: Database.Database, seg: Segmenter, text: string): string | undefined {
  const words = queryWords(seg, text);
  if (!words.length) return undefined;
  const alts = wordAlternatives(db, words, seg);
  return alts.length === 1 ? quote(alts[0]) : `(${alts.map(quote).join(' OR ')})`;
}

function nearExpression(db: Database.Database, seg: Segmenter, terms: string[], distance: number): string {
  const perTerm = terms.map((t) => {
    const words = queryWords(seg, t);
    if (!words.length) throw new QuerySyntaxError(`NEAR has a term with nothing to search for ("${t}")`);
    return wordAlternatives(db, words, seg);
  });
  checkExpansion(`NEAR(${terms.join(' ')})`, perTerm.reduce((n, a) => n * a.length, 1));
  // FTS5 takes no OR inside NEAR: every combination becomes its own NEAR group.
  let combos: string[][][] = [[]];
  for (const alts of perTerm) combos = combos.flatMap((c) => alts.map((a) => [...c, a]));
  return combos.map((c) => `NEAR(${c.map(quote).join(' ')}, ${distance})`).join(' OR ');
}

const col = (n: { column?: 'title' }) => (n.column ? `title : ` : '');
const FTS_WORDS = 'SELECT rowid FROM fts_words WHERE fts_words MATCH ?';

/** The head of the article text (title lines), for a title-only substring scan. */
const TITLE_TEXT = 'substr(a.text, 1, length(a.text) - length(a.body))';
const shortSubstring = (n: QueryNode): n is QueryNode & { kind: 'term' } =>
  n.kind === 'term' && !!n.substring && [...joinHan(n.text)].length < TRIGRAM_MIN_CHARS;
const instrCondition = (n: QueryNode & { kind: 'term' }) => ({
  sql: `instr(${n.column ? TITLE_TEXT : 'a.text'}, ?) > 0`,
  param: joinHan(n.text),
});

/** The query as a set expression over the indexes, each operand a SELECT of rowids. */
function compile(n: QueryNode, ctx: Context): Compiled {
  switch (n.kind) {
    case 'term': {
      if (n.substring) {
        const text = joinHan(n.text);
        if (!text) throw new QuerySyntaxError('sub: has nothing to search for');
        if (!shortSubstring(n)) {
          return { sql: 'SELECT rowid FROM fts_chars WHERE fts_chars MATCH ?', params: [col(n) + quote([text])] };
        }
        return scanSubstring(n, ctx);
      }
      const w = wordExpression(ctx.db, ctx.seg, n.text);
      if (!w) throw new QuerySyntaxError(`"${n.text}" has nothing to search for`);
      return { sql: FTS_WORDS, params: [col(n) + w] };
    }
    case 'near': return { sql: FTS_WORDS, params: [nearExpression(ctx.db, ctx.seg, n.terms, n.distance)] };
    case 'and': {
      // A short substring beside other operands only checks their hits, instead of reading every article.
      const checks = n.items.filter(shortSubstring), rest = n.items.filter((i) => !shortSubstring(i));
      if (!checks.length || !rest.length) return setOp('INTERSECT', n.items.map((i) => compile(i, ctx)));
      const inner = setOp('INTERSECT', rest.map((i) => compile(i, ctx)));
      const conds = checks.map(instrCondition);
      return {
        sql: `SELECT h.rowid FROM (${inner.sql}) h JOIN articles a ON a.id = h.rowid WHERE ${conds.map((c) => c.sql).join(' AND ')}`,
        params: [...inner.params, ...conds.map((c) => c.param)],
      };
    }
    case 'or': return setOp('UNION', n.items.map((i) => compile(i, ctx)));
    case 'not': return setOp('EXCEPT', [compile(n.left, ctx), compile(n.right, ctx)]);
  }
}

/** A 1–2 character substring on its own: read the texts in scope, if there are not too many. */
function scanSubstring(n: QueryNode & { kind: 'term' }, ctx: Context): Compiled {
  const from = `FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE ${[...ctx.filter.where, '1'].join(' AND ')}`;
  const inScope = (ctx.db.prepare(`SELECT count(*) ${from}`).pluck().get(...ctx.filter.params) as number);
  if (inScope > SHORT_SUBSTRING_SCAN_LIMIT) {
    throw new UserError(`query: sub:${n.text} is shorter than ${TRIGRAM_MIN_CHARS} characters, so it reads every article text, and ${inScope} are in scope (limit ${SHORT_SUBSTRING_SCAN_LIMIT}); AND it with a word or narrow with --from/--to/--source`, 2);
  }
  const c = instrCondition(n);
  return { sql: `SELECT a.id AS rowid ${from} AND ${c.sql}`, params: [...ctx.filter.params, c.param] };
}

function setOp(op: string, parts: Compiled[]): Compiled {
  if (parts.length === 1) return parts[0];
  return {
    // Each operand in its own sub-select: SQLite's compound operators have no precedence.
    sql: parts.map((p) => `SELECT rowid FROM (${p.sql})`).join(` ${op} `),
    params: parts.flatMap((p) => p.params),
  };
}

/** FTS5 expression ranking documents by every positive word term (substrings do not rank). */
function rankExpression(db: Database.Database, seg: Segmenter, n: QueryNode): string | undefined {
  const exprs = positiveTerms(n).filter((t) => !t.substring).map((t) => wordExpression(db, seg, t.text)).filter((p): p is string => !!p);
  return exprs.length ? exprs.join(' OR ') : undefined;
}

export function normaliseDateBound(v: string, end: boolean, flag: string): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(v);
  const ok = m && (m[3] ? isIsoDate(v) : !m[2] || (+m[2] >= 1 && +m[2] <= 12));
  if (!ok) throw new UserError(`${flag}: "${v}" is not a date (want YYYY-MM-DD, YYYY-MM or YYYY)`, 2);
  if (m![3]) return v;
  if (m![2]) return end ? `${v}-31` : `${v}-01`;
  return end ? `${v}-12-31` : `${v}-01-01`;
}

/** SQL conditions on `a` (articles) and `s` (sources) for the common filters. */
export function filterSql(store: Store, f: SearchFilters): { where: string[]; params: unknown[] } {
  const where: string[] = [], params: unknown[] = [];
  if (f.from) { where.push('a.published >= ?'); params.push(normaliseDateBound(f.from, false, '--from')); }
  if (f.to) { where.push('a.published <= ?'); params.push(normaliseDateBound(f.to, true, '--to')); }
  if (f.from && f.to && (params[0] as string) > (params[1] as string)) throw new UserError('--from is after --to', 2);
  if (f.source) {
    checkSource(store.db, f.source);
    where.push('(s.key = ? OR s.name = ? OR a.section = ?)'); params.push(f.source, f.source, f.source);
  }
  return { where, params };
}

/** How many known sources an unknown --source error lists. */
const SOURCES_LISTED = 20;

/** A --source the database has never seen is a typo, not a filter that matches nothing. */
function checkSource(db: Database.Database, source: string): void {
  const known = db.prepare(`SELECT EXISTS (SELECT 1 FROM sources WHERE key = @src OR name = @src)
    OR EXISTS (SELECT 1 FROM articles INDEXED BY articles_page WHERE section = @src)`).pluck().get({ src: source });
  if (known) return;
  const names = db.prepare(`SELECT coalesce(name, key) AS n FROM sources UNION SELECT section FROM articles WHERE section IS NOT NULL ORDER BY n`)
    .pluck().all() as string[];
  const list = names.length
    ? names.slice(0, SOURCES_LISTED).join(', ') + (names.length > SOURCES_LISTED ? `, … (${names.length - SOURCES_LISTED} more)` : '')
    : 'none yet';
  throw new UserError(`--source: no source or e-paper section "${source}" in this database (known: ${list})`, 2);
}

function matchSql(store: Store, query: string, filter: Context['filter'], seg: Segmenter): { node: QueryNode; hits: Compiled; rank?: string } {
  const node = parseQuery(query);
  // Archives made before compounds were recorded get their parts now, once.
  ensureWordParts(store.db, seg.parts);
  return { node, hits: compile(node, { db: store.db, filter, seg }), rank: rankExpression(store.db, seg, node) };
}

function run<T>(db: Database.Database, sql: string, params: unknown[]): T[] {
  try {
    return db.prepare(sql).all(...params) as T[];
  } catch (e) {
    // FTS5 reports what it could not parse (a stray operator inside a term).
    if (/fts5|MATCH/i.test((e as Error).message)) throw new QuerySyntaxError((e as Error).message);
    throw e;
  }
}

/** Ranked search over titles and bodies. */
export function search(store: Store, opts: SearchOptions, seg: Segmenter = LITE_SEGMENTER): { total: number; hits: SearchHit[] } {
  const f = filterSql(store, opts);
  const { node, hits, rank } = matchSql(store, opts.query, f, seg);
  const where = f.where.length ? `WHERE ${f.where.join(' AND ')}` : '';
  // Both sides are materialised once: as a correlated subquery the ranking MATCH ran again
  // for every hit, quadratic in the archive size (the bench measured minutes at 100k articles).
  const rankCte = rank
    ? `, r AS MATERIALIZED (SELECT rowid AS rid, bm25(fts_words, ${TITLE_WEIGHT}, 1.0) AS score FROM fts_words WHERE fts_words MATCH ?)`
    : '';
  const score = rank ? '-coalesce(r.score, 0)' : '0';
  const order = (sc: string) => (opts.sort === 'date' || !rank ? 'published DESC, id DESC' : `${sc} DESC, published DESC, id DESC`);
  // Hits are ordered and cut to one page on ids, dates and scores alone, with the count
  // taken in the same pass; only that page's rows are read whole (text for the snippet).
  const sql = `WITH hits(rowid) AS MATERIALIZED (${hits.sql})${rankCte},
    page AS (
      SELECT a.id AS id, a.published AS published, ${score} AS score, count(*) OVER () AS total
      FROM hits JOIN articles a INDEXED BY articles_page ON a.id = hits.rowid LEFT JOIN sources s ON s.id = a.source_id
      ${rank ? 'LEFT JOIN r ON r.rid = a.id' : ''} ${where}
      ORDER BY ${order('score')} LIMIT ? OFFSET ?)
    SELECT a.id, a.title, a.published, coalesce(s.name, s.key) AS source, a.section, a.url, a.text, page.score, page.total
    FROM page JOIN articles a ON a.id = page.id LEFT JOIN sources s ON s.id = a.source_id
    ORDER BY ${order('page.score').replace('published', 'a.published').replace('id DESC', 'a.id DESC')}`;
  const params = [...hits.params, ...(rank ? [rank] : []), ...f.params];
  const rows = run<SearchHit & { text: string; total: number }>(store.db, sql, [...params, opts.limit ?? 20, opts.offset ?? 0]);
  // With no row on the page (past the last page, or --count's limit 0) count apart.
  const total = rows.length ? rows[0].total : (run<{ n: number }>(store.db,
    `WITH hits(rowid) AS MATERIALIZED (${hits.sql}) SELECT count(*) AS n FROM hits JOIN articles a ON a.id = hits.rowid LEFT JOIN sources s ON s.id = a.source_id ${where}`,
    [...hits.params, ...f.params])[0]).n;
  const terms = positiveTerms(node);
  return {
    total,
    hits: rows.map(({ text, total: _t, ...h }) => ({ ...h, score: Math.round(h.score * 1000) / 1000, snippet: snippet(text, terms, undefined, seg) })),
  };
}

/** Ids of every article matching the query and filters, in id order (for exports and counts). */
export function matchingArticleIds(store: Store, query: string | undefined, f: SearchFilters, seg: Segmenter = LITE_SEGMENTER): number[] {
  const fs = filterSql(store, f);
  const where = fs.where.length ? `WHERE ${fs.where.join(' AND ')}` : '';
  if (!query) {
    return run<{ id: number }>(store.db, `SELECT a.id FROM articles a LEFT JOIN sources s ON s.id = a.source_id ${where} ORDER BY a.id`, fs.params).map((r) => r.id);
  }
  const { hits } = matchSql(store, query, fs, seg);
  return run<{ id: number }>(store.db, `WITH hits(rowid) AS (${hits.sql}) SELECT a.id FROM hits JOIN articles a ON a.id = hits.rowid LEFT JOIN sources s ON s.id = a.source_id ${where} ORDER BY a.id`, [...hits.params, ...fs.params]).map((r) => r.id);
}

export interface HitSpan {
  start: number;
  end: number;
  term: string;
}

/**
 * Where the query's terms stand in a text (UTF-16 offsets), for snippets and
 * keyword-in-context lines, by the rule search matches with: a word term only where the
 * text's jieba words (or the parts of a compound) line up with it, so 强调 is not marked
 * inside 李强调研 and 书记 is marked inside 县委书记 as [书记]; a sub: term anywhere.
 */
export function locateHits(text: string, terms: (string | QueryTerm)[], seg: Segmenter = LITE_SEGMENTER, window?: number): HitSpan[] {
  const tokensAround = tokenCutter(text, seg);
  const candidates: (HitSpan & { words?: string[] })[] = [];
  for (const raw of terms) {
    const t = typeof raw === 'string' ? { text: raw } : raw;
    const words = t.substring ? undefined : queryWords(seg, t.text);
    const term = words ? words.join('') : joinHan(t.text);
    if (!term) continue;
    for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) candidates.push({ start: i, end: i + term.length, term: t.text, words });
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  // Cutting the text around a candidate is the costly part: with a window (a snippet),
  // candidates past the window of the first hit are never shown, so never checked.
  const out: HitSpan[] = [];
  for (const { words, ...c } of candidates) {
    if (window !== undefined && out.length && c.start >= out[0].end + window) break;
    if (!words || wordsAt(tokensAround(c.start, c.end), c.start, words, seg)) out.push(c);
  }
  // Overlapping hits (a term inside a longer one) keep the first, longest.
  return out.filter((h, i) => i === 0 || h.start >= out[i - 1].end);
}

/** jieba's separators: it cuts the text between two of them on its own. */
const SEPARATORS = new Set([' ', '\t', '\n', '，', '。']);

/**
 * The words of the text covering [start, end): the whole text's cut (once) for a `whole`
 * segmenter, else the cut of the stretch between the separators around it (a term, cut
 * into words with punctuation and spaces left out, never holds a separator).
 */
function tokenCutter(text: string, seg: Segmenter): (start: number, end: number) => Token[] {
  let all: Token[] | undefined;
  const stretches = new Map<number, Token[]>();
  return (start, end) => {
    if (seg.whole) return (all ??= tokensOf(seg.cut(text), 0));
    let from = start, to = end;
    while (from > 0 && !SEPARATORS.has(text[from - 1])) from--;
    while (to < text.length && !SEPARATORS.has(text[to])) to++;
    let tokens = stretches.get(from);
    if (!tokens) stretches.set(from, (tokens = tokensOf(seg.cut(text.slice(from, to)), from)));
    return tokens;
  };
}

function tokensOf(words: string[], offset: number): Token[] {
  let pos = offset;
  return words.map((word) => ({ word, start: pos, end: (pos += word.length) }));
}

/** Whether `words` stand at `pos` as wordAlternatives lets them: whole tokens, or parts where a compound may hold them. */
function wordsAt(tokens: Token[], pos: number, words: string[], seg: Segmenter): boolean {
  let k = tokenIndexAt(tokens, pos);
  if (k < 0) return false;
  if (words.length === 1 && [...words[0]].length >= 3 && [...words[0]].length <= MAX_SPLIT_CHARS && tokens[k].start === pos) {
    // Whole words spelling the word exactly (河|长|制), as splitsOf lets them.
    let s = '';
    for (let j = k; j < tokens.length && s.length < words[0].length; j++) s += tokens[j].word;
    if (s === words[0]) return true;
  }
  for (let j = 0; j < words.length; j++, k++) {
    const t = tokens[k], w = words[j];
    if (!t) return false;
    if (t.start === pos && t.word === w) { pos = t.end; continue; }
    const first = j === 0, last = j === words.length - 1, at = pos - t.start;
    const ok = seg.parts(t.word).some((p) => p.start === at && p.part === w && (
      words.length === 1 ? w.length >= 2 : (first && p.end === t.word.length) || (last && p.start === 0)));
    if (!ok) return false;
    pos += w.length;
  }
  return true;
}

/** A window around the first hits, with each hit between [ and ], newlines flattened. */
export function snippet(text: string, terms: (string | QueryTerm)[], width = 40, seg: Segmenter = LITE_SEGMENTER): string {
  const hits = locateHits(text, terms, seg, width);
  if (!hits.length) return flatten(text.slice(0, width * 2)) + (text.length > width * 2 ? '…' : '');
  const from = Math.max(0, hits[0].start - width), to = Math.min(text.length, hits[0].end + width);
  let s = '', pos = from;
  for (const h of hits) {
    if (h.start < from || h.end > to) continue;
    s += text.slice(pos, h.start) + '[' + text.slice(h.start, h.end) + ']';
    pos = h.end;
  }
  s += text.slice(pos, to);
  return (from > 0 ? '…' : '') + flatten(s) + (to < text.length ? '…' : '');
}

const flatten = (s: string) => s.replace(/\s*\n+\s*/g, ' ');

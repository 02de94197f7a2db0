import type Database from 'better-sqlite3';
import { cutWords, segment } from '../nlp/segment.ts';
import type { Store } from './db.ts';
import { parseQuery, positiveTerms, QuerySyntaxError, type QueryNode } from './query-parser.ts';
import { UserError } from '../errors.ts';
import { isIsoDate } from '../input/read.ts';

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
/** The substring index takes over from the word index only for terms this long (trigram's minimum). */
const SUBSTRING_MIN_CHARS = 3;

interface Compiled {
  sql: string;
  params: string[];
}

/** A term's jieba words as an FTS5 phrase: consecutive whole words. */
function wordPhrase(text: string): string | undefined {
  const words = cutWords(text).map((w) => w.trim()).filter((w) => w && !/^[\p{P}\p{S}]+$/u.test(w));
  if (!words.length) return undefined;
  return `"${words.map((w) => w.replace(/"/g, '""')).join(' ')}"`;
}

function substringOf(text: string): string | undefined {
  // Spaces between Chinese characters in a phrase are not in the printed text.
  const s = text.replace(/(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])/g, '');
  return [...s].length >= SUBSTRING_MIN_CHARS ? `"${s.replace(/"/g, '""')}"` : undefined;
}

const col = (n: { column?: 'title' }) => (n.column ? `title : ` : '');

/** The query as a set expression over the two indexes: each term is its word phrase OR its substring. */
function compile(n: QueryNode): Compiled {
  switch (n.kind) {
    case 'term': {
      const parts: Compiled[] = [];
      const w = wordPhrase(n.text);
      if (w) parts.push({ sql: 'SELECT rowid FROM fts_words WHERE fts_words MATCH ?', params: [col(n) + w] });
      const s = substringOf(n.text);
      if (s) parts.push({ sql: 'SELECT rowid FROM fts_chars WHERE fts_chars MATCH ?', params: [col(n) + s] });
      if (!parts.length) throw new QuerySyntaxError(`"${n.text}" has nothing to search for`);
      return setOp('UNION', parts);
    }
    case 'near': {
      const phrases = n.terms.map((t) => wordPhrase(t));
      if (phrases.some((p) => !p)) throw new QuerySyntaxError('NEAR has a term with nothing to search for');
      return { sql: 'SELECT rowid FROM fts_words WHERE fts_words MATCH ?', params: [`NEAR(${phrases.join(' ')}, ${n.distance})`] };
    }
    case 'and': return setOp('INTERSECT', n.items.map(compile));
    case 'or': return setOp('UNION', n.items.map(compile));
    case 'not': return setOp('EXCEPT', [compile(n.left), compile(n.right)]);
  }
}

function setOp(op: string, parts: Compiled[]): Compiled {
  if (parts.length === 1) return parts[0];
  return {
    // Each operand in its own sub-select: SQLite's compound operators have no precedence.
    sql: parts.map((p) => `SELECT rowid FROM (${p.sql})`).join(` ${op} `),
    params: parts.flatMap((p) => p.params),
  };
}

/** FTS5 expression ranking documents by every positive term found by word. */
function rankExpression(n: QueryNode): string | undefined {
  const phrases = positiveTerms(n).map(wordPhrase).filter((p): p is string => !!p);
  return phrases.length ? phrases.join(' OR ') : undefined;
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
export function filterSql(f: SearchFilters): { where: string[]; params: unknown[] } {
  const where: string[] = [], params: unknown[] = [];
  if (f.from) { where.push('a.published >= ?'); params.push(normaliseDateBound(f.from, false, '--from')); }
  if (f.to) { where.push('a.published <= ?'); params.push(normaliseDateBound(f.to, true, '--to')); }
  if (f.from && f.to && (params[0] as string) > (params[1] as string)) throw new UserError('--from is after --to', 2);
  if (f.source) { where.push('(s.key = ? OR s.name = ? OR a.section = ?)'); params.push(f.source, f.source, f.source); }
  return { where, params };
}

function matchSql(query: string): { node: QueryNode; hits: Compiled; rank?: string } {
  const node = parseQuery(query);
  return { node, hits: compile(node), rank: rankExpression(node) };
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
export function search(store: Store, opts: SearchOptions): { total: number; hits: SearchHit[] } {
  const { node, hits, rank } = matchSql(opts.query);
  const f = filterSql(opts);
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
    hits: rows.map(({ text, total: _t, ...h }) => ({ ...h, score: Math.round(h.score * 1000) / 1000, snippet: snippet(text, terms) })),
  };
}

/** Ids of every article matching the query and filters, in id order (for exports and counts). */
export function matchingArticleIds(store: Store, query: string | undefined, f: SearchFilters): number[] {
  const fs = filterSql(f);
  const where = fs.where.length ? `WHERE ${fs.where.join(' AND ')}` : '';
  if (!query) {
    return run<{ id: number }>(store.db, `SELECT a.id FROM articles a LEFT JOIN sources s ON s.id = a.source_id ${where} ORDER BY a.id`, fs.params).map((r) => r.id);
  }
  const { hits } = matchSql(query);
  return run<{ id: number }>(store.db, `WITH hits(rowid) AS (${hits.sql}) SELECT a.id FROM hits JOIN articles a ON a.id = hits.rowid LEFT JOIN sources s ON s.id = a.source_id ${where} ORDER BY a.id`, [...hits.params, ...fs.params]).map((r) => r.id);
}

export interface HitSpan {
  start: number;
  end: number;
  term: string;
}

/**
 * Where the query's terms stand in a text (UTF-16 offsets), for snippets and
 * keyword-in-context lines. Short terms must sit on jieba word boundaries, so 强调
 * is not highlighted inside 李强调研; longer ones match as substrings, as they do in search.
 */
export function locateHits(text: string, terms: string[]): HitSpan[] {
  let bounds: Set<number> | undefined;
  const onBoundary = (s: number, e: number) => {
    if (!bounds) {
      bounds = new Set();
      for (const t of segment(text)) { bounds.add(t.start); bounds.add(t.end); }
    }
    return bounds.has(s) && bounds.has(e);
  };
  const out: HitSpan[] = [];
  for (const raw of terms) {
    const term = raw.replace(/(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])/g, '');
    if (!term) continue;
    const short = [...term].length < SUBSTRING_MIN_CHARS;
    for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) {
      if (!short || onBoundary(i, i + term.length)) out.push({ start: i, end: i + term.length, term });
    }
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  // Overlapping hits (a term inside a longer one) keep the first, longest.
  return out.filter((h, i) => i === 0 || h.start >= out[i - 1].end);
}

/** A window around the first hits, with each hit between [ and ], newlines flattened. */
export function snippet(text: string, terms: string[], width = 40): string {
  const hits = locateHits(text, terms);
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

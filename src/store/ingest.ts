import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { articleText, type Article, type Extraction } from '../types.ts';
import { analyse } from '../nlp/analysis.ts';
import { extractAnalysed, codePointOffsets } from '../nlp/extract.ts';
import type { Token } from '../nlp/segment.ts';
import { EXTRACTOR_VERSION } from '../nlp/version.ts';
import type { Store } from './db.ts';
import { dateBounds } from './date-bounds.ts';
import { WORD_SEPARATOR } from './words.ts';
import { recordWordParts } from './word-parts.ts';
import { partsOf } from './word-parts-jieba.ts';

export type IngestStatus = 'new' | 'updated' | 'unchanged';
export interface IngestResult {
  id: number;
  status: IngestStatus;
}

export interface IngestOptions {
  /** When the page was fetched (ISO time), for crawled articles. */
  fetchedAt?: string;
  /** Source kind recorded the first time a source is seen. */
  sourceKind?: string;
}

const EXTRACTED_TABLES = ['official_titles', 'officials', 'persons', 'bylines', 'dates', 'figures', 'initiatives', 'documents', 'orgs'];

/**
 * Stores one article with everything extracted from it, and indexes it, in one
 * transaction: a failure leaves nothing half-written. Idempotent: the same article
 * (same url; else same source and input id; else same content) updates in place,
 * and unchanged text under the same extractor is left alone.
 */
export function ingestArticle(store: Store, article: Article, opts: IngestOptions = {}): IngestResult {
  const st = statements(store.db);
  const text = articleText(article);
  const hash = createHash('sha256').update(text).digest('hex');
  const sourceId = article.source ? ensureSource(store.db, article.source, opts.sourceKind) : null;
  const existing = (article.url
    ? st.byUrl.get(article.url)
    : article.id != null
      ? st.byExt.get(sourceId, article.id)
      : st.byHash.get(hash)) as { id: number; content_hash: string; extractor_version: string } | undefined;

  if (existing && existing.content_hash === hash && existing.extractor_version === EXTRACTOR_VERSION) {
    if (opts.fetchedAt) st.touch.run(opts.fetchedAt, existing.id);
    return { id: existing.id, status: 'unchanged' };
  }

  // The costly part (segmentation, extraction) runs before the write transaction opens,
  // so a concurrent reader or writer waits only for the inserts.
  const analysis = analyse(text, article.published);
  const extraction = extractAnalysed(analysis, article.place);
  const headLength = text.length - article.body.length;
  const words = indexWords(analysis.tokens, headLength);
  const distinct = new Set(analysis.tokens.map((t) => t.word));
  for (const w of distinct) partsOf(w); // computed (and cached) outside the write transaction
  const now = new Date().toISOString();

  return store.db.transaction((): IngestResult => {
    const row = {
      source_id: sourceId, ext_id: article.id ?? null, url: article.url ?? null,
      section: article.section ?? null, page: article.page ?? null, published: article.published ?? null,
      title: article.title, intro_title: article.introTitle ?? null, sub_title: article.subTitle ?? null,
      byline: article.byline ?? null, body: article.body, text, content_hash: hash,
      fetched_at: opts.fetchedAt ?? null, now, extractor_version: EXTRACTOR_VERSION,
    };
    let id: number;
    if (existing) {
      id = existing.id;
      st.update.run({ ...row, id });
      for (const t of EXTRACTED_TABLES) prepared(store.db, `DELETE FROM ${t} WHERE article_id = ?`).run(id);
      st.ftsWordsDelete.run(id);
      st.ftsCharsDelete.run(id);
    } else {
      id = Number(st.insert.run(row).lastInsertRowid);
    }
    writeExtraction(store.db, id, text, extraction);
    st.ftsWordsInsert.run(id, words.title, words.body);
    st.ftsCharsInsert.run(id, text.slice(0, headLength), article.body);
    recordWordParts(store.db, distinct, partsOf);
    return { id, status: existing ? 'updated' : 'new' };
  })();
}

/** jieba words of the headline and of the body, joined by the separator the word index splits on. */
function indexWords(tokens: Token[], headLength: number): { title: string; body: string } {
  const head: string[] = [], body: string[] = [];
  for (const t of tokens) (t.start < headLength ? head : body).push(t.word);
  return { title: head.join(WORD_SEPARATOR), body: body.join(WORD_SEPARATOR) };
}

export function ensureSource(db: Database.Database, key: string, kind?: string, name?: string): number {
  const found = db.prepare('SELECT id FROM sources WHERE key = ?').get(key) as { id: number } | undefined;
  if (found) return found.id;
  return Number(db.prepare('INSERT INTO sources (key, name, kind) VALUES (?, ?, ?)').run(key, name ?? key, kind ?? null).lastInsertRowid);
}

function writeExtraction(db: Database.Database, articleId: number, text: string, ex: Extraction): void {
  const ins = (sql: string) => prepared(db, sql);
  const insOfficial = ins('INSERT INTO officials (article_id, name, titles, mentions, char_start, char_end, sentence, place, place_code, place_level) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insTitle = ins('INSERT INTO official_titles (official_id, article_id, ord, title, char_start, char_end, sentence, office, place, place_code, place_level) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const locate = titleLocator(text);
  for (const o of ex.officials) {
    const first = o.mentions[0] ?? { start: 0, end: 0, sentence: '' };
    const oid = Number(insOfficial.run(articleId, o.name, JSON.stringify(o.titles), o.mentions.length, first.start, first.end, first.sentence, o.place, o.placeCode, o.placeLevel).lastInsertRowid);
    o.titles.forEach((title, i) => {
      const at = locate(title, first.start);
      const post = o.posts[i];
      insTitle.run(oid, articleId, i, title, at?.start ?? null, at?.end ?? null, at ? first.sentence : null, post?.office ?? title, post?.place ?? null, post?.placeCode ?? null, post?.placeLevel ?? null);
    });
  }
  const simple = (table: string, cols: string[], rows: Record<string, unknown>[]) => {
    if (!rows.length) return;
    const column = (c: string) => c.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`); // placeCode -> place_code
    const stmt = ins(`INSERT INTO ${table} (article_id, ${cols.map(column).join(', ')}, char_start, char_end, sentence) VALUES (?, ${cols.map(() => '?').join(', ')}, ?, ?, ?)`);
    for (const r of rows) stmt.run(articleId, ...cols.map((c) => r[c] ?? null), r.start, r.end, r.sentence);
  };
  simple('persons', ['name'], ex.persons as unknown as Record<string, unknown>[]);
  simple('bylines', ['name', 'role'], ex.bylines as unknown as Record<string, unknown>[]);
  const dateStmt = ins('INSERT INTO dates (article_id, text, value, value_start, value_end, char_start, char_end, sentence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  for (const d of ex.dates) {
    const b = dateBounds(d.value);
    if (!b) continue; // an extractor bug must not poison the table; the item is still in `extract` output
    dateStmt.run(articleId, d.text, d.value, b.start, b.end, d.start, d.end, d.sentence);
  }
  simple('figures', ['text', 'value', 'unit', 'metric', 'place', 'placeCode'], ex.figures as unknown as Record<string, unknown>[]);
  simple('initiatives', ['text', 'place', 'placeCode'], ex.initiatives as unknown as Record<string, unknown>[]);
  simple('documents', ['text'], ex.documents as unknown as Record<string, unknown>[]);
  simple('orgs', ['text', 'place', 'placeCode'], ex.orgs as unknown as Record<string, unknown>[]);
}

/** Finds where a title is written: the occurrence closest before the person's first mention. */
function titleLocator(text: string): (title: string, nearCp: number) => { start: number; end: number } | undefined {
  const toCp = codePointOffsets(text);
  return (title, nearCp) => {
    let best: number | undefined;
    for (let i = text.indexOf(title); i >= 0; i = text.indexOf(title, i + 1)) {
      if (best === undefined || Math.abs(toCp(i) - nearCp) < Math.abs(toCp(best) - nearCp)) best = i;
    }
    return best === undefined ? undefined : { start: toCp(best), end: toCp(best + title.length) };
  };
}

const statementCache = new WeakMap<Database.Database, Map<string, Database.Statement>>();
/** A statement prepared once per connection: preparing costs more than running for these small writes. */
function prepared(db: Database.Database, sql: string): Database.Statement {
  let m = statementCache.get(db);
  if (!m) statementCache.set(db, (m = new Map()));
  let st = m.get(sql);
  if (!st) m.set(sql, (st = db.prepare(sql)));
  return st;
}

const cache = new WeakMap<Database.Database, ReturnType<typeof prepare>>();
function statements(db: Database.Database) {
  let s = cache.get(db);
  if (!s) cache.set(db, (s = prepare(db)));
  return s;
}
function prepare(db: Database.Database) {
  const cols = 'source_id, ext_id, url, section, page, published, title, intro_title, sub_title, byline, body, text, content_hash, fetched_at, extractor_version';
  return {
    byUrl: db.prepare('SELECT id, content_hash, extractor_version FROM articles WHERE url = ?'),
    byExt: db.prepare('SELECT id, content_hash, extractor_version FROM articles WHERE url IS NULL AND source_id IS ? AND ext_id = ?'),
    byHash: db.prepare('SELECT id, content_hash, extractor_version FROM articles WHERE url IS NULL AND content_hash = ?'),
    touch: db.prepare('UPDATE articles SET fetched_at = ? WHERE id = ?'),
    insert: db.prepare(`INSERT INTO articles (${cols}, ingested_at, updated_at) VALUES (${cols.split(', ').map((c) => '@' + c).join(', ')}, @now, @now)`),
    update: db.prepare(`UPDATE articles SET ${cols.split(', ').map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now WHERE id = @id`),
    ftsWordsInsert: db.prepare('INSERT INTO fts_words (rowid, title, body) VALUES (?, ?, ?)'),
    ftsWordsDelete: db.prepare('DELETE FROM fts_words WHERE rowid = ?'),
    ftsCharsInsert: db.prepare('INSERT INTO fts_chars (rowid, title, body) VALUES (?, ?, ?)'),
    ftsCharsDelete: db.prepare('DELETE FROM fts_chars WHERE rowid = ?'),
  };
}

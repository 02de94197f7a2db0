import type Database from 'better-sqlite3';
import { DICTIONARY_DIGEST } from '../nlp/version.ts';
import { UserError } from '../errors.ts';
import { liteJieba } from './lite-jieba.ts';

/** The two jieba calls the parts rule needs: an instance of jieba itself (ingest) or its port (read side). */
export interface PartsCutter {
  cutSmall(text: string, maxWordLength: number): string[];
  /** The tag jieba.tag(word) gives the word's first piece. */
  firstTag(word: string): string | undefined;
}

/** The parts by jieba's port (src/store/lite-jieba.ts): the same as jieba's, without loading its dictionaries. */
export const liteParts = (word: string): WordPart[] => partsWith(liteJieba(), word);

/** Flags in `word_parts.at`: where in the whole word the part stands. */
export const PART_STARTS = 1;
export const PART_ENDS = 2;

export interface WordPart {
  part: string;
  /** UTF-16 offsets of the part inside the word. */
  start: number;
  end: number;
}

/**
 * Bumped when the rule below changes, so stored parts are recomputed; the dictionary
 * digest does the same when a user dictionary changes the partitions.
 */
const RULE = 'parts-1';
export const PARTS_VERSION = `${RULE}+${DICTIONARY_DIGEST}`;

const HAN_ONLY = /^\p{Script=Han}+$/u;
const CACHE_MAX = 200_000;
const caches = new WeakMap<PartsCutter, Map<string, WordPart[]>>();

/**
 * The words jieba's dictionary makes a word of: its max-probability cut with words one
 * character shorter than itself (县委书记 → 县委/书记), then the same for each piece, so
 * 中华人民共和国 → 中华, 人民共和国, 人民, 共和国, 共和, 国 (two-character pieces are not split) — never a word that merely
 * occurs inside it across that cut (民政 in 人民/政府, 华人 in 中华/人民). One-character
 * pieces are kept (a phrase may end on one: 乡村振兴局 in 乡村/振兴/局局长) and callers
 * decide when they count. Person names (jieba tag nr) have no parts: 建国 is not a part of 王建国.
 */
export function partsWith(jieba: PartsCutter, word: string): WordPart[] {
  let cache = caches.get(jieba);
  if (!cache) caches.set(jieba, (cache = new Map()));
  let out = cache.get(word);
  if (out) return out;
  out = [];
  if (word.length >= 3 && HAN_ONLY.test(word)) {
    if (jieba.firstTag(word) !== 'nr') split(jieba, word, 0, out);
  }
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(word, out);
  return out;
}

// Two-character pieces stay whole: split into characters, every character edge inside a
// compound would become a word edge, and phrases would start and end anywhere.
function split(jieba: PartsCutter, word: string, offset: number, out: WordPart[]): void {
  if (word.length < 3) return;
  const pieces = jieba.cutSmall(word, word.length - 1);
  if (pieces.length < 2 || pieces.join('') !== word) return;
  let pos = offset;
  for (const p of pieces) {
    out.push({ part: p, start: pos, end: pos + p.length });
    split(jieba, p, pos, out);
    pos += p.length;
  }
}

const flags = (p: WordPart, word: string) => (p.start === 0 ? PART_STARTS : 0) | (p.end === word.length ? PART_ENDS : 0);

/** Connections that have seen `word_parts` current (a committed flag never goes stale in a process). */
const current = new WeakSet<Database.Database>();

const storedVersion = (db: Database.Database) => db.prepare('SELECT version FROM word_parts_state').pluck().get() as string | undefined;

function isCurrent(db: Database.Database): boolean {
  if (current.has(db)) return true;
  if (storedVersion(db) !== PARTS_VERSION) return false;
  // Inside an open transaction the flag may yet be rolled back: check again next time.
  if (!db.inTransaction) current.add(db);
  return true;
}

// Every word is written each time (INSERT OR IGNORE), not skipped as "seen": a rolled-back
// ingest would otherwise leave a word the process believes recorded. Only compounds have rows.
function insertParts(db: Database.Database, words: Iterable<string>, parts: (w: string) => WordPart[]): void {
  const ins = db.prepare('INSERT OR IGNORE INTO word_parts (part, word, at) VALUES (?, ?, ?)');
  for (const w of words) for (const p of parts(w)) ins.run(p.part, w, flags(p, w));
}

/**
 * Brings `word_parts` up to date with every word in the word index: after the migration
 * that created it (existing archives), or when the dictionaries changed the partitions.
 * A no-op, one tiny read, when it is current. Runs in the caller's transaction if any.
 */
export function ensureWordParts(db: Database.Database, parts: (w: string) => WordPart[] = liteParts): void {
  if (isCurrent(db)) return;
  if (db.readonly) throw new UserError(`${db.name}: compound words are not recorded yet; open it once for writing (any search does) to record them`);
  const backfill = () => {
    if (storedVersion(db) === PARTS_VERSION) return;
    db.exec('DELETE FROM word_parts; DELETE FROM word_parts_state');
    db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_words_terms USING fts5vocab(main, 'fts_words', 'row')`);
    const terms = db.prepare('SELECT term FROM temp.fts_words_terms').pluck().all() as string[];
    insertParts(db, terms, parts);
    db.prepare('INSERT INTO word_parts_state (version) VALUES (?)').run(PARTS_VERSION);
  };
  if (db.inTransaction) return backfill();
  // Immediate: a concurrent ingest must not slip an article in between the read of the vocabulary and the flag.
  db.transaction(backfill).immediate();
  current.add(db);
}

/** Records the parts of an article's indexed words (inside the ingest transaction). */
export function recordWordParts(db: Database.Database, words: Iterable<string>, parts: (w: string) => WordPart[]): void {
  // Not current: the backfill reads the whole vocabulary, this article's words included.
  if (!isCurrent(db)) ensureWordParts(db, parts);
  else insertParts(db, words, parts);
}

/**
 * Indexed words having `part` as one of their parts, for query expansion. `at` narrows
 * to parts that start (PART_STARTS) or end (PART_ENDS) the word; 0 means anywhere.
 * Reads only the database: the query side needs no dictionary for it.
 */
export function compoundsOf(db: Database.Database, part: string, at = 0): string[] {
  return db.prepare('SELECT DISTINCT word FROM word_parts WHERE part = ? AND (? = 0 OR at & ? != 0) ORDER BY word')
    .pluck().all(part, at, at) as string[];
}

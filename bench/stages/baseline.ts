// (1) The least possible work per article: jieba's cut and a bare FTS5 insert of the
// tokens, in large transactions. Every pipeline figure is a ratio to this one.
import Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import { loadJieba } from '../../src/nlp/segment.ts';
import { articleText } from '../../src/types.ts';
import { readCorpus } from '../corpus.ts';
import { nowMs, progress, round, type Stage } from '../measure.ts';
import { removeDb } from './files.ts';

const jieba = createRequire(import.meta.url)('nodejieba') as { cut(text: string, hmm?: boolean): string[] };

export interface BaselineArgs { corpus: string; db: string; limit?: number }

const BATCH = 1000;

export const stage: Stage<BaselineArgs> = {
  async run({ corpus, db: path, limit }) {
    removeDb(path);
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec(`CREATE VIRTUAL TABLE t USING fts5(body, content='', tokenize = 'unicode61 separators ''\u200b''')`);
    const insert = db.prepare('INSERT INTO t (rowid, body) VALUES (?, ?)');
    const insertBatch = db.transaction((rows: [number, string][]) => { for (const r of rows) insert.run(r[0], r[1]); });
    loadJieba(); // the same dictionaries as the pipeline, loaded before the clock starts
    jieba.cut('预热', true);

    const tick = progress('baseline');
    let n = 0, chars = 0, batch: [number, string][] = [];
    const t0 = nowMs();
    for await (const a of readCorpus(corpus, limit)) {
      const text = articleText(a);
      chars += text.length;
      batch.push([++n, jieba.cut(text, true).join('\u200b')]);
      if (batch.length === BATCH) { insertBatch(batch); batch = []; tick(n); }
    }
    if (batch.length) insertBatch(batch);
    const s = (nowMs() - t0) / 1000;
    db.close();
    removeDb(path);
    return { available: true, metrics: { articles: n, chars, seconds: round(s), articlesPerSec: round(n / s), charsPerSec: round(chars / s) } };
  },
};

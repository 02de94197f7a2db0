// (2) The full pipeline as `newsmine ingest` runs it: analysis, every extractor, the store
// and both search indexes, each article in its own transaction (a savepoint), committed in
// batches of 200.
// The database it leaves behind is the one the search and export stages read.
import { statSync } from 'node:fs';
import { openStore } from '../../src/store/db.ts';
import { ingestArticle } from '../../src/store/ingest.ts';
import { batchWriter } from '../../src/store/batch.ts';
import { extractArticle } from '../../src/nlp/extract.ts';
import { articleText } from '../../src/types.ts';
import { readCorpus } from '../corpus.ts';
import { nowMs, progress, round, type Stage } from '../measure.ts';
import { removeDb } from './files.ts';

export interface IngestArgs { corpus: string; db: string; limit?: number }

export const stage: Stage<IngestArgs> = {
  async run({ corpus, db: path, limit }) {
    removeDb(path);
    const store = openStore(path);
    // jieba's dictionaries and the extractors' lazily built tables load before the clock starts.
    for await (const a of readCorpus(corpus, 1)) extractArticle(a);
    const tick = progress('ingest');
    let n = 0, chars = 0, failed = 0;
    const batch = batchWriter(store);
    const t0 = nowMs();
    for await (const a of readCorpus(corpus, limit)) {
      chars += articleText(a).length;
      try {
        batch.run(() => ingestArticle(store, a, { sourceKind: 'file' }));
      } catch (e) {
        // Counted, not fatal: one article an extractor trips on must not hide the figure.
        if (failed++ < 3) process.stderr.write(`  ingest: ${a.id}: ${(e as Error).message}\n`);
      }
      tick(++n);
    }
    batch.flush();
    const s = (nowMs() - t0) / 1000;
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    store.close();
    return {
      available: true,
      metrics: { articles: n, failed, chars, seconds: round(s), articlesPerSec: round(n / s), charsPerSec: round(chars / s), dbMb: round(statSync(path).size / 2 ** 20) },
    };
  },
};

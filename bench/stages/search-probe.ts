// One query of the search stage: one warm-up run, then up to `reps` runs within
// `budgetMs`, and the bare FTS5 query after each. Also a process of its own, so a
// query that runs for minutes can be killed at the stage's time limit:
// `node bin/run.js bench/stages/search-probe.ts DB JSON` prints the Probe on stdout.
import type { Store } from '../../src/store/db.ts';
import { openStore } from '../../src/store/db.ts';
import { search } from '../../src/store/search.ts';
import { cutWords } from '../../src/nlp/segment.ts';
import { nowMs } from '../measure.ts';
import type { BenchQuery } from './search-queries.ts';

export interface Probe { total: number; firstMs: number; samples: number[]; bare: number[] }

/** OR of AND-groups of terms, each term as the phrase of its jieba words. */
export function bareExpression(groups: string[][]): string {
  const phrase = (t: string) => `"${cutWords(t).join(' ')}"`;
  return groups.map((g) => `(${g.map(phrase).join(' AND ')})`).join(' OR ');
}

export function measureQuery(store: Store, q: BenchQuery, reps: number, budgetMs: number): Probe {
  const bare = store.db.prepare('SELECT rowid, bm25(fts_words, 5.0, 1.0) AS s FROM fts_words WHERE fts_words MATCH ? ORDER BY s LIMIT 20');
  const opts = { ...q, limit: 20 };
  let t = nowMs();
  const first = search(store, opts);
  const firstMs = nowMs() - t;
  const samples: number[] = [], bareSamples: number[] = [];
  const started = nowMs();
  for (let r = 0; r < reps && (r === 0 || nowMs() - started < budgetMs); r++) {
    t = nowMs();
    search(store, opts);
    samples.push(nowMs() - t);
    const expr = bareExpression(q.bare);
    t = nowMs();
    bare.all(expr);
    bareSamples.push(nowMs() - t);
  }
  return { total: first.total, firstMs, samples, bare: bareSamples };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [path, json] = process.argv.slice(2);
  const { query, reps, budgetMs } = JSON.parse(json) as { query: BenchQuery; reps: number; budgetMs: number };
  const store = openStore(path, { mustExist: true, readonly: true });
  const r = measureQuery(store, query, reps, budgetMs);
  store.close();
  process.stdout.write(JSON.stringify(r) + '\n');
}

// (4) Search latency over a fixed query set, through search() as the CLI calls it,
// and the bare FTS5 query (ranked top 20 from the word index) for the same terms.
// Queries run cheapest first (by the bare index's hit count), in this process while
// they are quick; once one takes over a second, each of the rest runs in a process of
// its own with a time limit: a query that cannot finish in time is reported as such,
// and the queries with more hits than it are not started.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT } from '../../src/paths.ts';
import { openStore } from '../../src/store/db.ts';
import { cutWords } from '../../src/nlp/segment.ts';
import { nowMs, percentile, round, type Metrics, type Stage } from '../measure.ts';
import { QUERIES, label, type BenchQuery } from './search-queries.ts';
import { bareExpression, measureQuery, type Probe } from './search-probe.ts';

/** A first run slower than this sends the remaining queries to processes that can be killed. */
const IN_PROCESS_LIMIT_MS = 1000;

export interface SearchArgs {
  db: string;
  reps: number;
  /** Longest a query may run before it is killed and counted as too slow. */
  timeoutSec?: number;
  /** Time for one query's repetitions (at least one runs). */
  budgetSec?: number;
  /** Time for the whole stage; queries not started by then are reported as not run. */
  stageSec?: number;
}


const PROBE = join(fileURLToPath(new URL('.', import.meta.url)), 'search-probe.ts');

function probe(db: string, q: BenchQuery, reps: number, budgetMs: number, timeoutMs: number): Promise<Probe | undefined> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'run.js'), PROBE, db, JSON.stringify({ query: q, reps, budgetMs })], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => { out += d; });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve) => child.on('close', (code) => {
    clearTimeout(timer);
    resolve(code === 0 ? (JSON.parse(out.trim().split('\n').pop()!) as Probe) : undefined);
  }));
}

export const stage: Stage<SearchArgs> = {
  async run({ db, reps, timeoutSec = 60, budgetSec = 20, stageSec = 480 }) {
    const stageStart = Date.now();
    const store = openStore(db, { mustExist: true, readonly: true });
    const articles = (store.db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    const count = store.db.prepare('SELECT count(*) AS n FROM fts_words WHERE fts_words MATCH ?');
    cutWords('预热');
    const ordered = QUERIES.map((q) => ({ q, hits: (count.get(bareExpression(q.bare)) as { n: number }).n })).sort((a, b) => a.hits - b.hits);
    let inProcess = true;
    // The bare FTS5 query of every query, here (it takes milliseconds), so the slow ones that
    // time out below still have theirs.
    const bare = store.db.prepare('SELECT rowid, bm25(fts_words, 5.0, 1.0) AS s FROM fts_words WHERE fts_words MATCH ? ORDER BY s LIMIT 20');
    const bareTimes: number[] = [];
    for (const { q } of ordered) {
      const expr = bareExpression(q.bare);
      bare.all(expr);
      const xs: number[] = [];
      for (let i = 0; i < reps; i++) { const t = nowMs(); bare.all(expr); xs.push(nowMs() - t); }
      bareTimes.push(percentile(xs, 50));
    }

    const times: Record<string, number[]> = {};
    const perQuery: Metrics = {};
    const timedOut: string[] = [];
    const notRun: string[] = [], skipped: string[] = [];
    let limitHits = Infinity;
    for (const { q, hits } of ordered) {
      if (Date.now() - stageStart > stageSec * 1000) {
        notRun.push(label(q));
        perQuery[`ms ${label(q)}`] = 'not run (stage time limit)';
        continue;
      }
      if (hits >= limitHits) {
        // At least as many hits as a query that timed out: it would too; not started.
        skipped.push(label(q));
        (times[q.kind] ??= []).push(Infinity);
        perQuery[`ms ${label(q)}`] = `not started (${hits} hits, more than a query that timed out)`;
        continue;
      }
      const r = inProcess ? measureQuery(store, q, reps, budgetSec * 1000) : await probe(db, q, reps, budgetSec * 1000, timeoutSec * 1000);
      if (r && r.firstMs > IN_PROCESS_LIMIT_MS) inProcess = false;
      if (!r) {
        timedOut.push(label(q));
        limitHits = Math.min(limitHits, hits);
        (times[q.kind] ??= []).push(Infinity);
        perQuery[`ms ${label(q)}`] = `> ${timeoutSec * 1000} (${hits} hits)`;
        process.stderr.write(`  search: ${label(q)} (${hits} hits) did not finish in ${timeoutSec} s\n`);
        continue;
      }
      // Each query counts once in the percentiles: its median over the repetitions.
      (times[q.kind] ??= []).push(percentile(r.samples, 50));
      perQuery[`ms ${label(q)}`] = `${round(percentile(r.samples, 50))} (${r.total} hits)`;
      process.stderr.write(`  search: ${label(q)}: ${round(percentile(r.samples, 50))} ms, ${r.total} hits\n`);
    }
    store.close();
    const all = Object.values(times).flat();
    // Percentiles over the queries (each its median run). A query that timed out or was not
    // started counts as slower than any measured one (Infinity -> null in JSON).
    const p = (xs: number[], k: number) => { const v = percentile(xs, k); return Number.isFinite(v) ? round(v) : null; };
    const metrics: Metrics = {
      articles, queries: QUERIES.length, reps, timeoutSec, timedOut: timedOut.length, skipped: skipped.length, notRun: notRun.length,
      p50Ms: p(all, 50), p95Ms: p(all, 95), maxMs: p(all, 100),
      bareP50Ms: p(bareTimes, 50), bareP95Ms: p(bareTimes, 95),
    };
    metrics.percentilesOver = "queries (median of each query's runs)";
    return { available: true, metrics: { ...metrics, ...perQuery } };
  },
};

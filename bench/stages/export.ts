// (5) Export throughput and memory: exportBundle writing every table of the database
// the ingest stage left, in one format per process (CSV and Parquet are measured
// apart, so each peak is its own). Rows are counted over all tables.
import { rmSync } from 'node:fs';
import { openStore } from '../../src/store/db.ts';
import { nowMs, progress, round, type Metrics, type Stage } from '../measure.ts';

export interface ExportArgs { db: string; out: string; format: 'csv' | 'parquet'; maxRows?: number }

const ITEM_TABLES = ['officials', 'official_titles', 'persons', 'bylines', 'dates', 'figures', 'initiatives', 'documents', 'orgs'];

/**
 * A publication-date bound keeping the export near `maxRows` rows: the bundle has a row
 * per article, per item, and per item again in its long `mentions` table.
 */
function fromBound(db: import('better-sqlite3').Database, maxRows: number): string | undefined {
  const articles = (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  const items = ITEM_TABLES.reduce((n, t) => n + (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n, 0);
  const estimate = articles + 2 * items;
  if (estimate <= maxRows) return undefined;
  const keep = Math.floor(articles * (maxRows / estimate));
  return (db.prepare('SELECT published FROM articles WHERE published IS NOT NULL ORDER BY published DESC LIMIT 1 OFFSET ?').get(keep) as { published: string } | undefined)?.published;
}

export const stage: Stage<ExportArgs> = {
  async run({ db: path, out, format, maxRows }) {
    let exportBundle: typeof import('../../src/export/bundle.ts').exportBundle;
    try {
      ({ exportBundle } = await import('../../src/export/bundle.ts'));
    } catch (e) {
      return { available: false, reason: `src/export/bundle.ts: ${(e as Error).message.split('\n')[0]}`, metrics: {} as Metrics };
    }
    const store = openStore(path, { mustExist: true, readonly: true });
    const dir = `${out}-${format}`;
    rmSync(dir, { recursive: true, force: true });
    const from = maxRows ? fromBound(store.db, maxRows) : undefined;
    const ticks = new Map<string, ReturnType<typeof progress>>();
    const t0 = nowMs();
    const result = exportBundle(store, {
      out: dir, formats: [format], progressEvery: 50_000, ...(from ? { from } : {}),
      onProgress: (table, rows) => {
        if (!ticks.has(table)) ticks.set(table, progress(`export ${format} ${table}`));
        ticks.get(table)!(rows);
      },
    });
    const s = (nowMs() - t0) / 1000;
    store.close();
    rmSync(dir, { recursive: true, force: true });
    const rows = result.tables.reduce((a, t) => a + t.rows, 0);
    const metrics: Metrics = { articles: result.articles, from: from ?? null, rows, seconds: round(s), rowsPerSec: round(rows / s) };
    for (const t of result.tables) metrics[`rows ${t.name}`] = t.rows;
    return { available: true, metrics };
  },
};

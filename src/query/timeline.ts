import type { Store } from '../store/db.ts';
import { filterSql, type SearchFilters } from '../store/search.ts';
import { periodOf, periodRange, type Period } from './periods.ts';
import { withScope } from './scope.ts';

export interface TimelineOptions extends SearchFilters {
  query: string;
  by: Period;
}

export interface TimelineRow {
  period: string;
  /** Articles matching the query. */
  count: number;
  /** All articles in the period (under the same source and date filters). */
  total: number;
  /** count / total, 0 when the period has no articles. */
  share: number;
}

/**
 * Articles matching a query per period, with the share of everything published in that
 * period: a paper printing twice as many pages in one year must not look like twice the
 * attention. Undated articles are left out of both counts.
 */
export function timeline(store: Store, opts: TimelineOptions): TimelineRow[] {
  const f = { from: opts.from, to: opts.to, source: opts.source };
  const totals = countByPeriod(store, filterSql(store, f), opts.by);
  const hits = withScope(store, { ...f, query: opts.query }, (scope) => countByPeriod(store, scope, opts.by));
  const periods = [...totals.keys()].sort();
  if (!periods.length) return [];
  return periodRange(periods[0], periods[periods.length - 1], opts.by).map((period) => {
    const count = hits.get(period) ?? 0, total = totals.get(period) ?? 0;
    return { period, count, total, share: total ? count / total : 0 };
  });
}

function countByPeriod(store: Store, cond: { where: string | string[]; params: unknown[] }, by: Period): Map<string, number> {
  const where = Array.isArray(cond.where) ? (cond.where.length ? cond.where.join(' AND ') : '1') : cond.where;
  const rows = store.db.prepare(`SELECT a.published AS d, count(*) AS n FROM articles a LEFT JOIN sources s ON s.id = a.source_id
    WHERE ${where} AND a.published IS NOT NULL GROUP BY a.published`).all(...cond.params) as { d: string; n: number }[];
  const out = new Map<string, number>();
  for (const r of rows) {
    const p = periodOf(r.d, by);
    out.set(p, (out.get(p) ?? 0) + r.n);
  }
  return out;
}

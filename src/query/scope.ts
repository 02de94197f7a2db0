import type { Store } from '../store/db.ts';
import { filterSql, matchingArticleIds, type SearchFilters } from '../store/search.ts';

/** Which articles a query command or an export covers: an optional search query plus the common filters. */
export interface ScopeFilters extends SearchFilters {
  query?: string;
}

/**
 * SQL conditions selecting the articles in scope, over `articles a LEFT JOIN sources s`.
 * A search query is resolved once into a temporary table, so the conditions stay a cheap
 * id lookup however many tables are then read against them (an export reads eleven).
 */
export interface Scope {
  where: string;
  params: unknown[];
  dispose(): void;
}

let counter = 0;

export function articleScope(store: Store, f: ScopeFilters): Scope {
  const base = filterSql(store, f);
  if (!f.query) {
    return { where: base.where.length ? base.where.join(' AND ') : '1', params: base.params, dispose: () => {} };
  }
  const ids = matchingArticleIds(store, f.query, f);
  const table = `temp.newsmine_scope_${process.pid}_${++counter}`;
  store.db.exec(`CREATE TABLE ${table} (id INTEGER PRIMARY KEY)`);
  const ins = store.db.prepare(`INSERT INTO ${table} (id) VALUES (?)`);
  store.db.transaction(() => { for (const id of ids) ins.run(id); })();
  return {
    where: `a.id IN (SELECT id FROM ${table})`,
    params: [],
    dispose: () => store.db.exec(`DROP TABLE IF EXISTS ${table}`),
  };
}

/** Runs `fn` with the scope and drops its temporary table afterwards. */
export function withScope<T>(store: Store, f: ScopeFilters, fn: (scope: Scope) => T): T {
  const scope = articleScope(store, f);
  try {
    return fn(scope);
  } finally {
    scope.dispose();
  }
}

/** A JSON array parameter for `IN (SELECT value FROM json_each(?))`. */
export const idList = (ids: Iterable<number>): string => JSON.stringify([...ids]);

// Crawl state in the store's SQLite database (migration 2): the frontier, finished
// editions, HTTP validators, runs and their log, leases and high-water marks.
// Everything a crawl needs to resume after a kill lives here, never in memory only.
import { hostname } from 'node:os';
import type Database from 'better-sqlite3';
import type { Store } from '../store/db.ts';

export type FrontierKind = 'edition' | 'page' | 'list' | 'article';
export type FrontierState = 'pending' | 'done' | 'failed';

export interface FrontierRow {
  id: number;
  source: string;
  url: string;
  kind: FrontierKind;
  edition: string | null;
  section: string | null;
  page: string | null;
  state: FrontierState;
  attempts: number;
}

const now = () => new Date().toISOString();

export class CrawlState {
  private readonly db: Database.Database;
  private readonly st;

  constructor(store: Store) {
    this.db = store.db;
    const p = (sql: string) => this.db.prepare(sql);
    this.st = {
      add: p(`INSERT INTO crawl_frontier (source, url, kind, edition, section, page, discovered_at)
              VALUES (@source, @url, @kind, @edition, @section, @page, @at) ON CONFLICT (source, url) DO NOTHING`),
      get: p('SELECT * FROM crawl_frontier WHERE source = ? AND url = ?'),
      done: p(`UPDATE crawl_frontier SET state = 'done', article_id = ?, done_at = ?, last_error = NULL WHERE id = ?`),
      retry: p(`UPDATE crawl_frontier SET attempts = attempts + 1, last_error = ? WHERE id = ?`),
      fail: p(`UPDATE crawl_frontier SET state = 'failed', attempts = attempts + 1, last_error = ?, done_at = ? WHERE id = ?`),
      editionDone: p('SELECT 1 FROM crawl_editions WHERE source = ? AND edition = ? AND section IN (?, \'\')'),
      markEdition: p(`INSERT INTO crawl_editions (source, edition, section, articles, done_at) VALUES (?, ?, ?, ?, ?)
                      ON CONFLICT (source, edition, section) DO UPDATE SET articles = excluded.articles, done_at = excluded.done_at`),
      validators: p('SELECT etag, last_modified AS lastModified, content_hash AS contentHash FROM http_validators WHERE url = ?'),
      setValidators: p(`INSERT INTO http_validators (url, etag, last_modified, content_hash, status, fetched_at) VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
                        content_hash = COALESCE(excluded.content_hash, http_validators.content_hash), status = excluded.status, fetched_at = excluded.fetched_at`),
      log: p('INSERT INTO crawl_log (run_id, source, at, kind, url, message) VALUES (?, ?, ?, ?, ?, ?)'),
      startRun: p('INSERT INTO crawl_runs (source, started_at) VALUES (?, ?)'),
      finishRun: p(`UPDATE crawl_runs SET finished_at = @at, status = @status, pages = @pages, new = @new, updated = @updated,
                    unchanged = @unchanged, errors = @errors WHERE id = @id`),
      mark: p('SELECT last_edition AS lastEdition, last_published AS lastPublished FROM crawl_marks WHERE source = ?'),
      setMark: p(`INSERT INTO crawl_marks (source, last_edition, last_published, updated_at) VALUES (@source, @edition, @published, @at)
                  ON CONFLICT (source) DO UPDATE SET
                    last_edition = CASE WHEN excluded.last_edition > COALESCE(last_edition, '') THEN excluded.last_edition ELSE last_edition END,
                    last_published = CASE WHEN excluded.last_published > COALESCE(last_published, '') THEN excluded.last_published ELSE last_published END,
                    updated_at = excluded.updated_at`),
    };
  }

  /** Adds a URL to the frontier; true when it was not there before. */
  add(row: { source: string; url: string; kind: FrontierKind; edition?: string | null; section?: string | null; page?: string | null }): boolean {
    return this.st.add.run({ edition: null, section: null, page: null, ...row, at: now() }).changes > 0;
  }

  get(source: string, url: string): FrontierRow | undefined {
    return this.st.get.get(source, url) as FrontierRow | undefined;
  }

  /** Rows of a source, filtered by kind, edition, sections and states. */
  rows(source: string, f: { kind: FrontierKind; edition?: string; sections?: string[]; states?: FrontierState[] }): FrontierRow[] {
    const where = ['source = ?', 'kind = ?'];
    const params: unknown[] = [source, f.kind];
    if (f.edition) {
      where.push('edition = ?');
      params.push(f.edition);
    }
    if (f.sections) {
      where.push(`section IN (${f.sections.map(() => '?').join(', ')})`);
      params.push(...f.sections);
    }
    if (f.states) {
      where.push(`state IN (${f.states.map(() => '?').join(', ')})`);
      params.push(...f.states);
    }
    return this.db.prepare(`SELECT * FROM crawl_frontier WHERE ${where.join(' AND ')} ORDER BY id`).all(...params) as FrontierRow[];
  }

  markDone(id: number, articleId?: number): void {
    this.st.done.run(articleId ?? null, now(), id);
  }

  /** A transient failure: the row stays pending for the next run, up to `maxAttempts`. */
  markRetry(id: number, error: string, attempts: number, maxAttempts: number): void {
    if (attempts + 1 >= maxAttempts) this.st.fail.run(error, now(), id);
    else this.st.retry.run(error, id);
  }

  markFailed(id: number, error: string): void {
    this.st.fail.run(error, now(), id);
  }

  isEditionDone(source: string, edition: string, section: string): boolean {
    return !!this.st.editionDone.get(source, edition, section);
  }

  markEditionDone(source: string, edition: string, section: string, articles: number): void {
    this.st.markEdition.run(source, edition, section, articles, now());
  }

  validators(url: string): { etag: string | null; lastModified: string | null; contentHash: string | null } | undefined {
    return this.st.validators.get(url) as { etag: string | null; lastModified: string | null; contentHash: string | null } | undefined;
  }

  setValidators(url: string, v: { etag?: string; lastModified?: string; contentHash?: string; status: number }): void {
    this.st.setValidators.run(url, v.etag ?? null, v.lastModified ?? null, v.contentHash ?? null, v.status, now());
  }

  log(runId: number | null, source: string, kind: string, url: string | null, message: string): void {
    this.st.log.run(runId, source, now(), kind, url, message);
  }

  startRun(source: string): number {
    return Number(this.st.startRun.run(source, now()).lastInsertRowid);
  }

  finishRun(id: number, s: { status: string; pages: number; new: number; updated: number; unchanged: number; errors: number }): void {
    this.st.finishRun.run({ id, at: now(), ...s });
  }

  mark(source: string): { lastEdition: string | null; lastPublished: string | null } | undefined {
    return this.st.mark.get(source) as { lastEdition: string | null; lastPublished: string | null } | undefined;
  }

  raiseMark(source: string, m: { edition?: string | null; published?: string | null }): void {
    this.st.setMark.run({ source, edition: m.edition ?? null, published: m.published ?? null, at: now() });
  }

  /** Runs `fn` in one transaction (nested calls become savepoints). */
  tx<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }
}

/** Who holds a lease: this host and process. */
export function leaseHolder(): { holder: string; pid: number } {
  return { holder: `${hostname()}:${process.pid}`, pid: process.pid };
}

/**
 * Takes the crawl lease of a source, so a cron job and a manual run never crawl
 * it at once. A lease is free when it has expired, or when its holder is a
 * process on this machine that no longer exists (a crawl killed with SIGKILL).
 */
export function acquireLease(store: Store, source: string, ttlMs: number): { ok: true } | { ok: false; holder: string; expiresAt: string } {
  const me = leaseHolder();
  return store.db.transaction(() => {
    const cur = store.db.prepare('SELECT holder, pid, expires_at AS expiresAt FROM crawl_leases WHERE source = ?').get(source) as
      | { holder: string; pid: number | null; expiresAt: string }
      | undefined;
    if (cur && cur.holder !== me.holder && cur.expiresAt > now() && holderAlive(cur.holder, cur.pid)) {
      return { ok: false as const, holder: cur.holder, expiresAt: cur.expiresAt };
    }
    store.db.prepare(`INSERT INTO crawl_leases (source, holder, pid, acquired_at, expires_at) VALUES (?, ?, ?, ?, ?)
                      ON CONFLICT (source) DO UPDATE SET holder = excluded.holder, pid = excluded.pid,
                      acquired_at = excluded.acquired_at, expires_at = excluded.expires_at`)
      .run(source, me.holder, me.pid, now(), new Date(Date.now() + ttlMs).toISOString());
    return { ok: true as const };
  }).immediate();
}

export function renewLease(store: Store, source: string, ttlMs: number): void {
  store.db.prepare('UPDATE crawl_leases SET expires_at = ? WHERE source = ? AND holder = ?')
    .run(new Date(Date.now() + ttlMs).toISOString(), source, leaseHolder().holder);
}

export function releaseLease(store: Store, source: string): void {
  store.db.prepare('DELETE FROM crawl_leases WHERE source = ? AND holder = ?').run(source, leaseHolder().holder);
}

function holderAlive(holder: string, pid: number | null): boolean {
  const [host] = holder.split(':');
  if (host !== hostname() || !pid) return true; // Another machine: trust the expiry time.
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

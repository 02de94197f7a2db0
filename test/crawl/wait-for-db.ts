// Watching a database another process is writing (a crawl in a child process).
import Database from 'better-sqlite3';

/** A count from the database, or 0 while it does not exist or has no schema yet. */
export function countIn(db: string, sql: string): number {
  try {
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (conn.prepare(sql).get() as { n: number }).n;
    } finally {
      conn.close();
    }
  } catch {
    return 0;
  }
}

/** Polls `sql` (a `SELECT count(*) AS n …`) until it reaches `atLeast` or `timeoutMs` passes; returns the last count. */
export async function waitForCount(db: string, sql: string, atLeast: number, timeoutMs: number, everyMs = 50): Promise<number> {
  const until = Date.now() + timeoutMs;
  let n = 0;
  while (Date.now() < until) {
    n = countIn(db, sql);
    if (n >= atLeast) break;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return n;
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startFixture, type Fixture } from './fixture-server.ts';
import { waitForCount } from './wait-for-db.ts';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/newsmine.js');
let fx: Fixture;

beforeAll(async () => {
  fx = await startFixture();
});
afterAll(async () => {
  await fx.close();
});

function crawl(db: string, defFile: string) {
  return spawn(process.execPath, [BIN, '--db', db, 'crawl', '--source-file', defFile, '--from', '2024-03-04', '--to', '2024-03-06'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('a crawl killed with SIGKILL', () => {
  it('finishes on the next run with no article lost and none duplicated', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsmine-resume-'));
    const db = join(dir, 'archive.db');
    // The sample definition, pointed at the fixture server and slowed so the kill lands mid-crawl.
    const def = readFileSync(join(ROOT, 'data/sample-site/sources/sample-epaper.yaml'), 'utf8')
      .replace(/^base: .*$/m, `base: ${fx.origin}/epaper/`)
      .replace(/concurrency: \d+/, 'concurrency: 1')
      .replace(/delayMs: \d+/, 'delayMs: 60');
    const defFile = join(dir, 'sample-epaper.yaml');
    writeFileSync(defFile, def);

    const first = crawl(db, defFile);
    const firstExit = new Promise<NodeJS.Signals | number | null>((r) => first.on('exit', (code, sig) => r(sig ?? code)));
    const atKill = await waitForCount(db, 'SELECT count(*) AS n FROM articles', 8, 90_000);
    first.kill('SIGKILL');
    expect(await firstExit).toBe('SIGKILL');
    expect(atKill).toBeGreaterThanOrEqual(8);

    const second = crawl(db, defFile);
    let out = '';
    second.stdout.on('data', (d) => (out += d));
    second.stderr.on('data', (d) => (out += d));
    const code = await new Promise<number | null>((r) => second.on('exit', (c) => r(c)));
    expect(code, out).toBe(0);

    const conn = new Database(db, { readonly: true });
    const n = (sql: string) => (conn.prepare(sql).get() as { n: number }).n;
    // The kill really came mid-crawl: the first run had not stored everything.
    expect(atKill).toBeLessThan(30);
    expect(n('SELECT count(*) AS n FROM articles')).toBe(30);
    expect(n('SELECT count(DISTINCT url) AS n FROM articles')).toBe(30);
    expect(n('SELECT count(DISTINCT content_hash) AS n FROM articles')).toBe(30);
    expect(n("SELECT count(*) AS n FROM crawl_frontier WHERE state != 'done'")).toBe(0);
    expect(n('SELECT count(*) AS n FROM crawl_editions')).toBe(3);
    // Every stored article went through ingest: each has its search-index row.
    expect(n('SELECT count(*) AS n FROM articles a WHERE NOT EXISTS (SELECT 1 FROM fts_chars WHERE rowid = a.id)')).toBe(0);
    conn.close();
  }, 120_000);
});

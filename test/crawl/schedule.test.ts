import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startFixture, type Fixture } from './fixture-server.ts';
import { waitForCount } from './wait-for-db.ts';

const ROOT = join(import.meta.dirname, '../..');
let fx: Fixture;

beforeAll(async () => {
  fx = await startFixture();
});
afterAll(async () => {
  await fx.close();
});

describe('newsmine schedule', () => {
  it('runs crawls on their cron schedule, one at a time per source, until stopped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsmine-schedule-'));
    const sources = join(dir, 'sources');
    const db = join(dir, 's.db');
    mkdirSync(sources);
    // Every 2 seconds (6-field cron with seconds): frequent enough for a test to see several runs.
    writeFileSync(join(sources, 'changing.yaml'), [
      'key: changing', 'name: 测试门户', 'kind: portal', `base: ${fx.origin}/`, 'lists: [changing/index.html]',
      'articleLink: /news/t\\d{8}_\\d+\\.html$', 'schedule: "*/2 * * * * *"', 'politeness: { delayMs: 0 }', '',
    ].join('\n'));
    const child = spawn(process.execPath, [join(ROOT, 'bin/newsmine.js'), '--db', db, 'schedule', '--sources-dir', sources], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const exited = new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    const runs = await waitForCount(db, 'SELECT count(*) AS n FROM crawl_runs WHERE finished_at IS NOT NULL', 2, 40_000, 100);
    child.kill('SIGTERM');
    expect(await exited, out).toBe(0);
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(out).toMatch(/changing: "\*\/2 \* \* \* \* \*" \(Asia\/Shanghai\)/);
    const conn = new Database(db, { readonly: true });
    // The first run stored the list's articles; the later ones found nothing new.
    expect((conn.prepare('SELECT count(*) n FROM articles').get() as { n: number }).n).toBe(4);
    // Runs never overlapped: each started after the previous one finished.
    const rows = conn.prepare('SELECT started_at, finished_at FROM crawl_runs ORDER BY id').all() as { started_at: string; finished_at: string | null }[];
    for (let i = 1; i < rows.length; i++) if (rows[i - 1].finished_at) expect(rows[i].started_at >= rows[i - 1].finished_at!).toBe(true);
    conn.close();
  }, 90_000);
});

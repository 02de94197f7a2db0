import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { main } from '../../src/cli/main.ts';
import { startFixture, type Fixture } from './fixture-server.ts';

const ROOT = join(import.meta.dirname, '../..');
let fx: Fixture;
const dir = mkdtempSync(join(tmpdir(), 'newsmine-cli-'));

beforeAll(async () => {
  fx = await startFixture();
});
afterAll(async () => {
  await fx.close();
});

/** Runs the CLI in-process and captures what it prints. */
async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '', err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  process.exitCode = undefined;
  try {
    const code = await main(args);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
    process.exitCode = undefined;
  }
}

function sampleDef(): string {
  const file = join(dir, 'sample-epaper.yaml');
  writeFileSync(file, readFileSync(join(ROOT, 'data/sample-site/sources/sample-epaper.yaml'), 'utf8').replace(/^base: .*$/m, `base: ${fx.origin}/epaper/`));
  return file;
}

describe('newsmine crawl', () => {
  it('a malformed definition is reported, logged, and the other sources still crawl', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'key: bad\nname: 坏定义\nkind: epaper\nbase: http://x.example/\n');
    const db = join(dir, 'a.db');
    const r = await run(['--db', db, 'crawl', '--source-file', bad, '--source-file', sampleDef(), '--from', '2024-03-04', '--to', '2024-03-04']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/bad\.yaml: field "edition"/);
    expect(r.out).toMatch(/sample-epaper: ok .*\n.*\n  articles new 10, updated 0, unchanged 0/);
    const conn = new Database(db, { readonly: true });
    expect(conn.prepare("SELECT kind, message FROM crawl_log WHERE source LIKE '%bad.yaml'").all()).toEqual([{ kind: 'definition', message: expect.stringContaining('field "edition"') }]);
    conn.close();
  });

  it('exits non-zero only when nothing could be crawled', async () => {
    const bad = join(dir, 'bad2.yaml');
    writeFileSync(bad, 'key: bad2\nname: x\nkind: portal\nbase: http://x.example/\n');
    const r = await run(['--db', join(dir, 'b.db'), 'crawl', '--source-file', bad]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/field "lists"/);
    expect(r.err).toMatch(/nothing could be crawled/);
    const unknown = await run(['--db', join(dir, 'b.db'), 'crawl', '--source', 'no-such-source']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/no source "no-such-source" .*known: .*zzwb/);
    const usage = await run(['--db', join(dir, 'b.db'), 'crawl', '--source', 'zzwb', '--from', '2017-13-01']);
    expect(usage.code).toBe(2);
    expect(usage.err).toMatch(/--from: "2017-13-01" is not a date/);
  });
});

describe('a crawl while another holds the lease', () => {
  it('is refused with a message and logged, and is not an error for a cron tick', async () => {
    const db = join(dir, 'lease.db');
    const first = await run(['--db', db, 'crawl', '--source-file', sampleDef(), '--from', '2024-03-04']);
    expect(first.code).toBe(0);
    const conn = new Database(db);
    conn.prepare('INSERT INTO crawl_leases (source, holder, pid, acquired_at, expires_at) VALUES (?, ?, ?, ?, ?)')
      .run('sample-epaper', 'cron-host:4242', 4242, new Date().toISOString(), new Date(Date.now() + 60_000).toISOString());
    conn.close();
    const second = await run(['--db', db, 'crawl', '--source-file', sampleDef(), '--from', '2024-03-04']);
    expect(second.code).toBe(0);
    expect(second.err).toMatch(/being crawled by cron-host:4242/);
    const check = new Database(db, { readonly: true });
    expect(check.prepare("SELECT count(*) n FROM crawl_log WHERE kind = 'lease'").get()).toEqual({ n: 1 });
    check.close();
    const status = await run(['--db', db, 'crawl', '--status']);
    expect(status.code).toBe(0);
    expect(status.out).toMatch(/sample-epaper: last run 1 ok at .*new 10.*\n  frontier: 15 done, 0 pending, 0 given up; newest edition 2024-03-04; newest article 2024-03-04\n  .* lease: source "sample-epaper" is being crawled/);
  });
});

describe('scheduled crawling', () => {
  it('crawl --due runs a source whose schedule fired since its last run, and schedule --list shows it', async () => {
    const sources = mkdtempSync(join(tmpdir(), 'newsmine-due-'));
    writeFileSync(join(sources, 'changing.yaml'), [
      'key: changing', 'name: 测试门户', 'kind: portal', `base: ${fx.origin}/`, 'lists: [changing/index.html]',
      'articleLink: /news/t\\d{8}_\\d+\\.html$', 'schedule: "0 3 * * *"', 'politeness: { delayMs: 0 }', '',
    ].join('\n'));
    const db = join(dir, 'due.db');
    const first = await run(['--db', db, 'crawl', '--due', '--sources-dir', sources]);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/changing: ok/);
    // Ran just now; 03:00 Shanghai has not come round again.
    const second = await run(['--db', db, 'crawl', '--due', '--sources-dir', sources]);
    expect(second.code).toBe(0);
    expect(second.out).toBe('');
    const list = await run(['schedule', '--list', '--sources-dir', sources]);
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/changing: "0 3 \* \* \*" \(Asia\/Shanghai\), next run \d{4}-\d{2}-\d{2}T19:00:00.000Z/);
  });
});

describe('newsmine demo', () => {
  it('serves the sample site, crawls it, and shows example searches', async () => {
    const db = join(dir, 'demo.db');
    const r = await run(['--db', db, 'demo']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/sample-epaper: ok/);
    expect(r.out).toMatch(/articles new 30/);
    expect(r.out).toMatch(/sample-portal: ok/);
    expect(r.out).toMatch(/\$ newsmine search "植树" --source 新郑时报 .*: 1 hit\n.*新郑市启动春季植树造林行动/);
    const conn = new Database(db, { readonly: true });
    expect((conn.prepare('SELECT count(*) n FROM articles').get() as { n: number }).n).toBe(34);
    conn.close();
    // Run again: everything is already there.
    const again = await run(['--db', db, 'demo']);
    expect(again.out).toMatch(/editions crawled 0, already done 3/);
  });
});

import { describe, expect, it } from 'vitest';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { cli, tempDir, ROOT } from '../helpers.ts';

const dir = tempDir();
const db = join(dir, 'cli.db');
const good = { id: 'ok-1', source: '测试时报', published: '2020-05-06', title: '县长张三调研', text: '5月5日，县长张三到孟庄镇调研，签约项目3个。' };
writeFileSync(join(dir, 'good.json'), JSON.stringify(good));
writeFileSync(join(dir, 'empty.txt'), '');
writeFileSync(join(dir, 'broken.json'), '{"id": "x", "text": ');
writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]));
writeFileSync(join(dir, 'gbk.txt'), iconv.encode('县委书记李四出席会议\n\n3月1日，县委书记李四出席会议并讲话。', 'gbk'));
writeFileSync(join(dir, 'many.jsonl'), [JSON.stringify({ ...good, id: 'l1' }), 'not json', JSON.stringify({ ...good, id: 'l2', published: '2020-02-30' })].join('\n'));

describe('newsmine CLI', { timeout: 180_000 }, () => {
  it('extract prints one JSON object per article with offsets, and the bad files each get one line', () => {
    const r = cli(['extract', join(dir, 'good.json'), join(dir, 'missing.json'), join(dir, 'empty.txt'), join(dir, 'broken.json'), join(dir, 'binary.txt'), join(dir, 'gbk.txt')]);
    expect(r.code).toBe(1); // some inputs failed, others were done
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['ok-1', 'gbk']);
    for (const k of ['officials', 'persons', 'bylines', 'dates', 'figures', 'initiatives', 'documents', 'orgs']) expect(Array.isArray(lines[0][k])).toBe(true);
    expect(lines[1].title).toBe('县委书记李四出席会议'); // GBK decoded, not mojibake
    const err = r.stderr.trim().split('\n');
    expect(err.some((l) => /missing\.json: no such file/.test(l))).toBe(true);
    expect(err.some((l) => /empty\.txt: empty file/.test(l))).toBe(true);
    expect(err.some((l) => /broken\.json: invalid JSON/.test(l))).toBe(true);
    expect(err.some((l) => /binary\.txt: binary file/.test(l))).toBe(true);
    expect(err.some((l) => /gbk\.txt: decoded as gb18030/.test(l))).toBe(true);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('extract fails with exit 1 when nothing could be read', () => {
    const r = cli(['extract', join(dir, 'missing.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(2);
  });

  it('ingest reports new/updated/unchanged/failed and never duplicates', () => {
    const first = cli(['--db', db, 'ingest', '--json', join(dir, 'good.json'), join(dir, 'many.jsonl')]);
    expect(JSON.parse(first.stdout)).toMatchObject({ new: 2, updated: 0, unchanged: 0 });
    expect(JSON.parse(first.stdout).failed.map((f: { error: string }) => f.error)).toEqual([
      expect.stringMatching(/^invalid JSON/), expect.stringMatching(/invalid "published" date "2020-02-30"/),
    ]);
    const again = cli(['--db', db, 'ingest', '--json', join(dir, 'good.json'), join(dir, 'many.jsonl')]);
    expect(JSON.parse(again.stdout)).toMatchObject({ new: 0, updated: 0, unchanged: 2 });
  });

  it('ingest reads directories recursively', () => {
    const sub = join(dir, 'tree', 'a', 'b');
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, 'deep.json'), JSON.stringify({ ...good, id: 'deep' }));
    writeFileSync(join(sub, 'notes.md'), '# not an article');
    const r = cli(['--db', join(dir, 'tree.db'), 'ingest', '--json', join(dir, 'tree')]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ new: 1, failed: [] });
  });

  it('search prints hits as JSON, and bad syntax is a one-line error with exit 2', () => {
    cli(['--db', db, 'ingest', join(dir, 'good.json')]);
    const ok = cli(['--db', db, 'search', '张三', '--json']);
    expect(ok.code).toBe(0);
    const res = JSON.parse(ok.stdout);
    expect(res.total).toBe(2);
    expect(res.hits[0].snippet).toContain('[张三]');
    for (const q of ['(张三', '"张三', '张三 AND']) {
      const bad = cli(['--db', db, 'search', q]);
      expect(bad.code).toBe(2);
      expect(bad.stderr.trim().split('\n')).toHaveLength(1);
      expect(bad.stderr).toMatch(/^newsmine: query syntax/);
    }
    const badDate = cli(['--db', db, 'search', '张三', '--from', '2020-13-01']);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toMatch(/--from: "2020-13-01" is not a date/);
  });

  it('show prints an article with its extracted items; unknown ids are a clean error', () => {
    const r = cli(['--db', db, 'show', '1', '--json']);
    expect(r.code).toBe(0);
    const got = JSON.parse(r.stdout);
    expect(got.article.title).toBe('县长张三调研');
    const missing = cli(['--db', db, 'show', '999']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('newsmine: no article with id 999\n');
  });

  it('query commands refuse a database that does not exist rather than creating it', () => {
    const r = cli(['--db', join(dir, 'nope.db'), 'search', '张三']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no database at/);
  });

  it('every command has --help', () => {
    for (const c of ['ingest', 'extract', 'search', 'show']) {
      const r = cli([c, '--help'], { cwd: ROOT });
      expect(r.code, c).toBe(0);
      expect(r.stdout).toMatch(/Usage: newsmine/);
    }
  });
});

describe('newsmine CLI in a pipeline', { timeout: 180_000 }, () => {
  it('exits quietly when the reader closes the pipe early (| head)', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'newsmine.js'), 'extract', join(ROOT, 'data', 'sample', 'articles')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((res) => child.on('close', (c) => res(c)));
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(code).toBe(0);
  });
});

describe('lazy command loading', () => {
  it('finds the command word past the global --db option', async () => {
    const { commandName } = await import('../../src/cli/main.ts');
    expect(commandName(['--db', 'x.db', 'search', '书记'])).toBe('search');
    expect(commandName(['--db=x.db', 'officials'])).toBe('officials');
    expect(commandName(['--help'])).toBeUndefined();
    expect(commandName(['show', '--json', '1'])).toBe('show');
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir } from '../helpers.ts';
import { workbenchDbFile } from '../query/fixture.ts';

/** Each case spawns the real CLI a few times; a loaded machine takes seconds per start. */
const CLI_TIMEOUT = 180_000;

let db: string;
let dir: string;
beforeAll(() => {
  db = workbenchDbFile();
  dir = tempDir('newsmine-expcli-');
});

describe('newsmine export', () => {
  it('writes a bundle for a query and filters and reports the row counts', () => {
    const out = join(dir, 'bundle');
    const r = cli(['--db', db, 'export', '五星支部', '--source', '新郑时报', '--out', out, '--format', 'csv,parquet']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/exported 2 articles to /);
    expect(r.stdout).toMatch(/articles\s+2\s+articles\.csv articles\.parquet/);
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(m).toMatchObject({ query: '五星支部', filters: { source: '新郑时报' }, formats: ['csv', 'parquet'], articles: 2 });
  }, CLI_TIMEOUT);

  it('refuses a folder that is not empty, an unknown table and an empty result, writing nothing', () => {
    const full = join(dir, 'full');
    mkdirSync(full);
    writeFileSync(join(full, 'a.txt'), 'x');
    const r1 = cli(['--db', db, 'export', '--out', full]);
    expect(r1.code).toBe(1);
    expect(r1.stderr).toMatch(/^newsmine: --out: .* exists and is not empty/);
    const r2 = cli(['--db', db, 'export', '--out', join(dir, 'b'), '--tables', 'articles,nope']);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/unknown table "nope"/);
    const r3 = cli(['--db', db, 'export', '没有的词语', '--out', join(dir, 'c')]);
    expect(r3.code).toBe(1);
    expect(r3.stderr).toMatch(/no articles match/);
    expect(existsSync(join(dir, 'b')) || existsSync(join(dir, 'c'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  }, CLI_TIMEOUT);
});

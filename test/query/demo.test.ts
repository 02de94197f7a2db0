import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir } from '../helpers.ts';
import { openStore } from '../../src/store/db.ts';
import { kwic } from '../../src/query/kwic.ts';
import { timeline } from '../../src/query/timeline.ts';
import { listOfficials } from '../../src/query/officials.ts';
import { officialProfiles } from '../../src/query/profile.ts';
import { listFigures } from '../../src/query/figures.ts';
import { listInitiatives } from '../../src/query/initiatives.ts';
import { coOccurrence } from '../../src/query/network.ts';

/** The README's main command builds this database; every workbench command must work on it. */
let db: string;
let dir: string;
beforeAll(() => {
  dir = tempDir('newsmine-wbdemo-');
  db = join(dir, 'demo.db');
  const r = cli(['--db', db, 'demo', '--json']);
  expect(r.code, r.stderr).toBe(0);
}, 300_000);
const run = (...args: string[]) => cli(['--db', db, ...args]);

describe('workbench on the demo database', () => {
  // The library functions behind each command, in this process: one CLI start per command would
  // cost seconds each; the CLI layer itself is covered by cli.test.ts.
  it('answers every query command', () => {
    const store = openStore(db, { mustExist: true });
    try {
      expect(kwic(store, { query: '植树', width: 8 }).lines.length).toBeGreaterThan(0);
      expect(timeline(store, { query: '项目', by: 'month' }).reduce((n, r) => n + r.count, 0)).toBeGreaterThan(0);
      const officials = listOfficials(store, { source: '新郑时报' });
      expect(officials.length).toBeGreaterThan(0);
      expect(officials.every((o) => o.place === '新郑市')).toBe(true);
      const [first] = officials;
      expect(officialProfiles(store, first.name, { place: first.place! })[0].appearances.length).toBeGreaterThan(0);
      expect(listFigures(store, { unit: '亩' }).rows.length).toBeGreaterThan(0);
      expect(listInitiatives(store).length).toBeGreaterThan(0);
      expect(coOccurrence(store, 'officials').edges.length).toBeGreaterThan(0);
    } finally {
      store.close();
    }
  });

  it('exports it as a bundle whose manifest counts match the files', () => {
    const out = join(dir, 'bundle');
    const r = run('export', '--out', out, '--format', 'jsonl');
    expect(r.code, r.stderr).toBe(0);
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { tables: { name: string; rows: number }[] };
    for (const t of m.tables) {
      const lines = readFileSync(join(out, `${t.name}.jsonl`), 'utf8').split('\n').filter(Boolean);
      expect(lines.length, t.name).toBe(t.rows);
    }
    expect(m.tables.find((t) => t.name === 'articles')!.rows).toBeGreaterThan(0);
  }, 300_000);
});

import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir } from '../helpers.ts';
import { workbenchDbFile } from './fixture.ts';

/** Each case spawns the real CLI a few times; a loaded machine takes seconds per start. */
const CLI_TIMEOUT = 180_000;

let db: string;
let dir: string;
beforeAll(() => {
  db = workbenchDbFile();
  dir = tempDir('newsmine-wbcli-');
});
const run = (...args: string[]) => cli(['--db', db, ...args]);

describe('workbench commands', () => {
  it('search --kwic prints one aligned line per hit with article id and date; --count the total', () => {
    const r = run('search', '五星支部', '--kwic', '4', '--sort', 'date');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').slice(1);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^#3 {2}2018-03-10 {2}.*\[五星支部\]/);
    const col = lines.map((l) => l.indexOf('[五星支部]'));
    expect(new Set(col).size).toBe(1);
    expect(run('search', '五星支部', '--count').stdout).toBe('3\n');
    expect(JSON.parse(run('search', '五星支部', '--count', '--json').stdout)).toEqual({ total: 3 });
  }, CLI_TIMEOUT);

  it('timeline prints counts and shares with bars, and writes an SVG chart', () => {
    const svg = join(dir, 'chart.svg');
    const r = run('timeline', '五星支部', '--by', 'year', '--chart', svg);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2017\s+2\s+2\s+100\.0%\s+█+/);
    expect(r.stdout).toMatch(/2018\s+1\s+2\s+50\.0%\s+█+/);
    const chart = readFileSync(svg, 'utf8');
    expect(chart).toMatch(/^<svg /);
    expect(chart.match(/<rect x=/g)).toHaveLength(2);
    expect(JSON.parse(run('timeline', '五星支部', '--by', 'quarter', '--json').stdout).rows.map((x: { period: string }) => x.period))
      .toEqual(['2017-Q4', '2018-Q1', '2018-Q2']);
  }, CLI_TIMEOUT);

  it('officials, official, figures and initiatives answer in tables and JSON', () => {
    const off = JSON.parse(run('officials', '--name', '王明', '--json').stdout);
    expect(off.officials.map((o: { place: string }) => o.place).sort()).toEqual(['新郑市', '长葛市']);
    const prof = run('official', '王明', '--place', '长葛市');
    expect(prof.code).toBe(0);
    expect(prof.stdout).toContain('# 王明 (长葛市): 1 article');
    expect(prof.stdout).toContain('长葛市委书记');
    expect(run('officials', '--title', '书记').stdout).toMatch(/刘建武\s+新郑市\s+2\s+2017-11-02\.\.2017-12-05\s+新郑市 市委书记/);
    expect(JSON.parse(run('figures', '--metric', '收入', '--json').stdout).rows[0].value).toBe(3145000000);
    expect(run('initiatives', '--top', '1').stdout).toMatch(/五星支部\s+3\s+2017-11-02\.\.2018-03-10\s+新郑市、长葛市/);
  }, CLI_TIMEOUT);

  it('network writes csv and gexf edge lists', () => {
    const csv = join(dir, 'net.csv'), gexf = join(dir, 'net.gexf');
    expect(run('network', '--kind', 'officials', '--out', csv).code).toBe(0);
    expect(readFileSync(csv, 'utf8')).toMatch(/^source,target,weight/);
    expect(readFileSync(csv, 'utf8')).toMatch(/刘建武@410184,王明@410184,1|王明@410184,刘建武@410184,1/);
    expect(run('network', '--kind', 'officials-initiatives', '--out', gexf).code).toBe(0);
    expect(readFileSync(gexf, 'utf8')).toContain('target="initiative:五星支部" weight="2"');
  }, CLI_TIMEOUT);

  it('rejects bad input with one line and a usage exit code', () => {
    for (const [args, msg] of [
      [['timeline', 'x', '--by', 'week'], /--by: "week"/],
      [['officials', '--from', '2018-02-30'], /not a date/],
      [['network', '--out', join(dir, 'n.txt')], /must end in .csv or .gexf/],
      [['network', '--kind', 'people', '--out', join(dir, 'n.csv')], /--kind: "people"/],
    ] as [string[], RegExp][]) {
      const r = run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(msg);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    const none = run('official', '无此人');
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/no official named 无此人/);
  }, CLI_TIMEOUT);
});

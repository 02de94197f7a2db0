import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSourceFile, loadSources, parseSource, rebase, SOURCES_DIR } from '../../src/crawl/sources.ts';
import { editionUrls, parsePageLabel, sectionOf } from '../../src/crawl/epaper.ts';
import { normaliseUrl } from '../../src/crawl/url.ts';
import { isDue, loadScheduleFile } from '../../src/crawl/schedule.ts';

const epaper = { key: 'p', name: 'P', kind: 'epaper', base: 'http://x.example/', edition: 'html/{yyyy}-{mm}/{dd}/node_2.htm' };

describe('source definitions', () => {
  it('the shipped definitions all validate', () => {
    const { sources, errors } = loadSources(SOURCES_DIR);
    expect(errors).toEqual([]);
    const zzwb = sources.find((s) => s.key === 'zzwb');
    expect(zzwb?.kind).toBe('epaper');
    expect(zzwb && zzwb.kind === 'epaper' && zzwb.sections?.map((s) => s.name)).toEqual(expect.arrayContaining(['新郑时报', '荥阳时报', '巩义时报', '中牟时报', '登封时报', '新密时报', '高新时报', '经开时报']));
  });
  it('names the bad field', () => {
    expect(() => parseSource({ ...epaper, edition: undefined }, 'f.yaml')).toThrow(/f\.yaml: field "edition"/);
    expect(() => parseSource({ ...epaper, pageLink: '(' }, 'f.yaml')).toThrow(/field "pageLink": not a valid regular expression/);
    expect(() => parseSource({ ...epaper, schedule: 'every day' }, 'f.yaml')).toThrow(/field "schedule": not a valid cron/);
    expect(() => parseSource({ ...epaper, politeness: { delay: 5 } }, 'f.yaml')).toThrow(/unknown field "politeness.delay"/);
    expect(() => parseSource({ ...epaper, edition: undefined }, 'f.yaml')).toThrow(/field "edition": missing \(required\)/);
    expect(() => parseSource({ ...epaper, politeness: { delayMs: -1 } }, 'f.yaml')).toThrow(/field "politeness.delayMs": /);
    expect(() => parseSource({ ...epaper, base: 'ftp://x/' }, 'f.yaml')).toThrow(/field "base"/);
    expect(() => parseSource({ ...epaper, kind: 'rss' }, 'f.yaml')).toThrow(/field "kind"/);
  });
  it('reports files that are not YAML, and keys that do not match the file name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsmine-src-'));
    writeFileSync(join(dir, 'a.yaml'), 'key: [unclosed');
    writeFileSync(join(dir, 'b.yaml'), 'key: c\nname: B\nkind: portal\nbase: http://b.example/\nlists: [x.html]\n');
    writeFileSync(join(dir, 'd.json'), JSON.stringify({ key: 'd', name: 'D', kind: 'portal', base: 'http://d.example/', lists: ['x.html'] }));
    const { sources, errors } = loadSources(dir);
    expect(sources.map((s) => s.key)).toEqual(['d']);
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/a\.yaml: not valid YAML/), expect.stringMatching(/b\.yaml: field "key": "c" does not match/)]);
    expect(() => loadSourceFile(join(dir, 'missing.yaml'))).toThrow(/cannot read \(ENOENT\)/);
  });
  it('rebase moves base and lists to another origin', () => {
    const p = parseSource({ key: 'g', name: 'G', kind: 'portal', base: 'http://gov.example/site/', lists: ['col/1/index.html', 'http://gov.example/col/2/'] }, 't');
    const r = rebase(p, 'http://127.0.0.1:8080');
    expect(r.base).toBe('http://127.0.0.1:8080/site/');
    expect(r.kind === 'portal' && r.lists).toEqual(['http://127.0.0.1:8080/site/col/1/index.html', 'http://127.0.0.1:8080/col/2/']);
  });
});

describe('e-paper addressing', () => {
  it('fills the edition template', () => {
    const def = parseSource({ ...epaper, edition: ['html/{yyyy}-{mm}/{dd}/node_102.htm', 'pc/layout/{yyyymm}/{dd}/node_A01.html'] }, 't');
    expect(def.kind === 'epaper' && editionUrls(def, '2017-11-02')).toEqual([
      'http://x.example/html/2017-11/02/node_102.htm', 'http://x.example/pc/layout/201711/02/node_A01.html',
    ]);
  });
  it('reads 版面 labels and assigns sections by name or page letter', () => {
    expect(parsePageLabel('第X02版：新郑时报 政务')).toEqual({ number: 'X02', name: '新郑时报 政务' });
    expect(parsePageLabel('A01版:要闻')).toEqual({ number: 'A01', name: '要闻' });
    expect(parsePageLabel('第3版 综合')).toEqual({ number: '3', name: '综合' });
    const def = parseSource({ ...epaper, sections: [{ name: '新郑时报', pages: ['X'] }, { name: '中牟时报' }] }, 't');
    if (def.kind !== 'epaper') throw new Error('kind');
    expect(sectionOf(def, { number: 'X03', name: '专版' })).toBe('新郑时报');
    expect(sectionOf(def, { number: 'M01', name: '中牟时报 要闻' })).toBe('中牟时报');
    expect(sectionOf(def, { number: 'A01', name: '要闻' })).toBe('');
  });
});

describe('normaliseUrl', () => {
  it('gives one spelling per page', () => {
    expect(normaliseUrl('HTTP://Zzwb.Example:80/html/2017-11/02/./node_2.htm#top')).toBe('http://zzwb.example/html/2017-11/02/node_2.htm');
    expect(normaliseUrl('../03/content_1.htm', 'http://x.example/html/2017-11/02/node_2.htm')).toBe('http://x.example/html/2017-11/03/content_1.htm');
    expect(normaliseUrl('javascript:void(0)')).toBeUndefined();
    expect(normaliseUrl('mailto:a@b.c')).toBeUndefined();
  });
});

describe('schedules', () => {
  it('a source is due once its cron has fired since the last run (Asia/Shanghai time)', () => {
    // 07:30 in Shanghai is 23:30 UTC the day before.
    const last = new Date('2024-03-04T23:00:00Z');
    expect(isDue('30 7 * * *', last, new Date('2024-03-04T23:20:00Z'))).toBe(false);
    expect(isDue('30 7 * * *', last, new Date('2024-03-04T23:31:00Z'))).toBe(true);
    expect(isDue('30 7 * * *', undefined)).toBe(true);
  });
  it('validates a schedule file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsmine-sched-'));
    writeFileSync(join(dir, 'ok.yaml'), 'sources:\n  zzwb: "30 7 * * *"\n');
    writeFileSync(join(dir, 'bad.yaml'), 'sources:\n  zzwb: "at dawn"\n');
    expect(loadScheduleFile(join(dir, 'ok.yaml'))).toEqual({ zzwb: '30 7 * * *' });
    expect(() => loadScheduleFile(join(dir, 'bad.yaml'))).toThrow(/field "sources.zzwb": not a valid cron/);
  });
});

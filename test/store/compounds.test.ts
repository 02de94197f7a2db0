import { describe, expect, it, beforeAll } from 'vitest';
import { join } from 'node:path';
import { openStore, type Store } from '../../src/store/db.ts';
import { ingestArticle } from '../../src/store/ingest.ts';
import { MIGRATIONS } from '../../src/store/schema.ts';
import { search, snippet } from '../../src/store/search.ts';
import { partsOf } from '../../src/store/word-parts-jieba.ts';
import { kwicLines } from '../../src/query/kwic.ts';
import { timeline } from '../../src/query/timeline.ts';
import { cli, tempDir } from '../helpers.ts';
import type { Article } from '../../src/types.ts';
import { cutWords } from '../../src/nlp/segment.ts';

// jieba keeps 县委书记, 市委书记, 党委书记, 人民政府 and 中华人民共和国 whole.
const ARTICLES: Article[] = [
  { id: 'c1', source: '新郑时报', published: '2020-05-01', title: '重点项目建设推进会召开', body: '县委书记王刚到项目现场观摩，要求加快进度。' },
  { id: 'c2', source: '新郑时报', published: '2020-05-02', title: '市委书记观摩重点项目建设', body: '观摩团一行先后来到产业园和物流园。' },
  { id: 'c3', source: '荥阳时报', published: '2020-05-03', title: '镇里召开安全生产会', body: '镇党委书记张伟主持会议并讲话。' },
  { id: 'c4', source: '荥阳时报', published: '2020-05-04', title: '县人民政府召开常务会议', body: '会议研究了秋粮收购工作。' },
  { id: 'c5', source: '荥阳时报', published: '2020-05-05', title: '庆祝大会举行', body: '庆祝中华人民共和国成立七十周年。市长李强调研秋粮收购。' },
  { id: 'c6', source: '荥阳时报', published: '2020-05-06', title: '民政局发放救助金', body: '书记观摩了救助金发放现场。' },
  { id: 'c7', source: '荥阳时报', published: '2020-05-07', title: '治水工作会议召开', body: '会议要求全面深化“河长制”，巩固治理成果。' },
];

let dir: string;
let store: Store;
beforeAll(() => {
  dir = tempDir();
  store = openStore(join(dir, 'compounds.db'));
  for (const a of ARTICLES) ingestArticle(store, a);
});
const ids = (query: string, extra = {}) => search(store, { query, ...extra }).hits.map((h) => h.id).sort();

describe('compound words', () => {
  it('splits a compound only where the dictionary does', () => {
    expect(partsOf('县委书记').map((p) => p.part)).toEqual(['县委', '书记']);
    const cn = partsOf('中华人民共和国').map((p) => p.part);
    expect(cn).toContain('人民');
    expect(cn).not.toContain('华人');
    expect(partsOf('人民政府').map((p) => p.part)).not.toContain('民政');
  });

  it('书记 finds 县委书记, 市委书记 and 党委书记 as well as 书记 itself', () => {
    expect(ids('书记')).toEqual([1, 2, 3, 6]);
  });

  it('县委 finds 县委书记; 政府 finds 人民政府', () => {
    expect(ids('县委')).toEqual([1]);
    expect(ids('政府')).toEqual([4]);
  });

  it('does not match across word boundaries: 强调 in 市长李强调研, 民政 in 人民政府, 华人 in 中华人民共和国', () => {
    expect(ids('强调')).toEqual([]);
    // 民政局 is made of 民政 and 局, so article 6 is a true hit; 人民政府 (article 4) is not.
    expect(ids('民政')).toEqual([6]);
    expect(ids('华人')).toEqual([]);
    expect(ids('人民')).toEqual([4, 5]);
  });

  it('finds a word the text cut into whole words that spell it (“河|长|制”), and marks it whole', () => {
    // The premise: jieba cuts the quoted word in two here.
    expect(cutWords('全面深化“河长制”，')).not.toContain('河长制');
    const hits = search(store, { query: '河长制' }).hits;
    expect(hits.map((h) => h.id)).toEqual([7]);
    expect(hits[0].snippet).toContain('[河长制]');
  });

  it('NEAR works with a word inside a compound', () => {
    expect(ids('NEAR(书记 观摩, 10)')).toEqual([1, 2, 6]);
    expect(ids('NEAR(书记 观摩, 3)')).toEqual([2, 6]);
  });

  it('a phrase may begin inside a compound, and title: restricts compound hits too', () => {
    expect(ids('"书记观摩"')).toEqual([2, 6]);
    expect(ids('"书记 观摩"')).toEqual([2, 6]);
    expect(ids('"县委书记 观摩"')).toEqual([]);
    expect(ids('title:书记')).toEqual([2]);
    expect(ids('title:政府 秋粮')).toEqual([4]);
  });

  it('ranks a headline compound hit first', () => {
    expect(search(store, { query: '书记' }).hits[0].id).toBe(2);
  });

  it('marks the part inside the compound in snippets and keyword-in-context lines', () => {
    expect(snippet('县委书记王刚到项目现场观摩', ['书记'])).toBe('县委[书记]王刚到项目现场观摩');
    expect(snippet('市长李强调研，县人民政府', ['强调', '民政', '政府'])).toBe('市长李强调研，县人民[政府]');
    expect(snippet('市委书记观摩重点项目', ['书记 观摩'])).toBe('市委[书记观摩]重点项目');
    expect(kwicLines('县委书记王刚', ['书记'], 2)[0]).toMatchObject({ left: '县委', hit: '书记', right: '王刚' });
  });
});

describe('sub: substrings', () => {
  it('finds a substring of 3+ characters through the trigram index, across words', () => {
    expect(ids('sub:人民政')).toEqual([4]);
    expect(ids('sub:李强调')).toEqual([5]);
    expect(ids('title:sub:人民政')).toEqual([4]);
    expect(ids('title:sub:"人民 政府"')).toEqual([4]);
  });

  it('finds a 1–2 character substring by reading the texts, alone or narrowed by a word', () => {
    expect(ids('sub:强调')).toEqual([5]);
    expect(ids('sub:民政')).toEqual([4, 6]);
    expect(ids('sub:民政 会议')).toEqual([4]);
    expect(ids('sub:民政', { source: '荥阳时报', to: '2020-05-05' })).toEqual([4]);
    expect(ids('title:sub:强调')).toEqual([]);
  });

  it('marks substrings wherever they are', () => {
    expect(snippet('市长李强调研', [{ text: '强调', substring: true }])).toBe('市长李[强调]研');
  });

  it('rejects an empty sub:', () => {
    expect(() => ids('sub: 书记')).toThrow(/^query syntax: sub: needs text/);
    expect(() => ids('NEAR(sub:书记 观摩)')).toThrow(/^query syntax: NEAR takes plain words/);
  });
});

describe('unknown --source', () => {
  it('is an error naming the known sources, in search and in the workbench', () => {
    expect(() => ids('书记', { source: '新郑日报' })).toThrow(/^--source: no source or e-paper section "新郑日报".*新郑时报, 荥阳时报/);
    expect(() => timeline(store, { query: '书记', by: 'year', source: '新郑日报' })).toThrow(/^--source: no source/);
    expect(ids('书记', { source: '新郑时报' })).toEqual([1, 2]);
  });

  it('exits 2 with one line from the CLI', () => {
    const r = cli(['--db', join(dir, 'compounds.db'), 'search', '书记', '--source', '新郑日报']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/新郑时报/);
    expect(r.stdout).toBe('');
  });
});

describe('an archive from before compounds were recorded', () => {
  it('upgrades and then finds compounds in the articles it already held', () => {
    const path = join(dir, 'old.db');
    const s = openStore(path);
    for (const a of ARTICLES) ingestArticle(s, a);
    // As newsmine left it before migration 4: no parts tables, schema version one lower.
    s.db.exec('DROP TABLE word_parts; DROP TABLE word_parts_state');
    s.db.pragma(`user_version = ${MIGRATIONS.length - 1}`);
    s.close();
    const r = openStore(path, { readonly: true });
    expect(r.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    r.close();
    const w = openStore(path);
    expect(search(w, { query: '书记' }).total).toBe(4);
    expect((w.db.prepare("SELECT count(*) FROM word_parts WHERE part = '书记'").pluck().get() as number)).toBeGreaterThanOrEqual(3);
    // A new article after the backfill gets its parts at ingest.
    ingestArticle(w, { id: 'c7', source: '新郑时报', published: '2020-06-01', title: '党组书记讲党课', body: '党组书记带头讲党课。' });
    expect(search(w, { query: '书记' }).total).toBe(5);
    w.close();
  });
});

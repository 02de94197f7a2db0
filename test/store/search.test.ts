import { describe, expect, it, beforeAll } from 'vitest';
import { join } from 'node:path';
import { openStore, type Store } from '../../src/store/db.ts';
import { ingestArticle } from '../../src/store/ingest.ts';
import { search, snippet } from '../../src/store/search.ts';
import { tempDir } from '../helpers.ts';
import type { Article } from '../../src/types.ts';

const ARTICLES: Article[] = [
  { id: 'a1', source: '新郑时报', published: '2017-11-02', title: '市长李强调研农业生产', body: '11月1日，市长李强调研秋粮收购工作，要求抓好粮食安全。' },
  { id: 'a2', source: '新郑时报', published: '2017-12-05', title: '全市召开经济工作会议', body: '会上，李强强调，要坚定信心，抓好招商引资，推动高质量发展。' },
  { id: 'a3', source: '荥阳时报', published: '2018-03-10', title: '乡村振兴局局长带队督导', body: '市乡村振兴局局长王明一行到村里督导人居环境整治。' },
  { id: 'a4', source: '荥阳时报', published: '2018-04-01', title: '招商引资签约仪式举行', body: '签约项目12个，总投资56亿元。乡村振兴取得新进展。' },
];

let store: Store;
beforeAll(() => {
  store = openStore(join(tempDir(), 'search.db'));
  for (const a of ARTICLES) ingestArticle(store, a);
});
const ids = (query: string, extra = {}) => search(store, { query, ...extra }).hits.map((h) => h.id).sort();

describe('search', () => {
  it('finds a two-character name', () => {
    expect(ids('李强')).toEqual([1, 2]);
  });

  it('does not match 强调 across the word boundary in 市长李强调研', () => {
    expect(ids('强调')).toEqual([2]);
  });

  it('finds 乡村振兴局 even where jieba cut the text differently', () => {
    expect(ids('乡村振兴局')).toEqual([3]);
  });

  it('supports quoted phrases, AND, OR, NOT and NEAR', () => {
    expect(ids('"招商引资"')).toEqual([2, 4]);
    expect(ids('李强 AND 招商引资')).toEqual([2]);
    expect(ids('李强 招商引资')).toEqual([2]);
    expect(ids('李强 OR 乡村振兴局')).toEqual([1, 2, 3]);
    expect(ids('招商引资 NOT 李强')).toEqual([4]);
    expect(ids('(李强 OR 王明) NOT 强调')).toEqual([1, 3]);
    expect(ids('NEAR(招商引资 发展, 5)')).toEqual([2]);
    expect(ids('NEAR(粮食安全 发展, 2)')).toEqual([]);
  });

  it('filters by date range and by source', () => {
    expect(ids('李强', { from: '2017-12-01' })).toEqual([2]);
    expect(ids('招商引资', { from: '2018', to: '2018-12' })).toEqual([4]);
    expect(ids('招商引资', { source: '新郑时报' })).toEqual([2]);
  });

  it('ranks a headline mention above a body mention', () => {
    const hits = search(store, { query: '招商引资' }).hits;
    expect(hits[0].id).toBe(4);
  });

  it('rejects broken syntax with a one-line query error', () => {
    for (const q of ['(李强', '"李强', 'AND 李强', '李强 OR', 'NEAR(李强)']) {
      expect(() => search(store, { query: q }), q).toThrow(/^query syntax: [^\n]+$/);
    }
  });

  it('highlights hits in the original characters, whole words only for short terms', () => {
    expect(snippet('市长李强调研。李强强调落实。', ['强调'])).toBe('市长李强调研。李强[强调]落实。');
    expect(snippet('市乡村振兴局局长', ['乡村振兴局'])).toBe('市[乡村振兴局]局长');
  });
});

describe('search counts', () => {
  it('counts every hit even when the page is empty (limit 0, or past the end)', () => {
    expect(search(store, { query: '李强', limit: 0 }).total).toBe(2);
    expect(search(store, { query: '李强', offset: 10 })).toEqual({ total: 2, hits: [] });
    expect(search(store, { query: '李强', limit: 1 }).total).toBe(2);
  });
});

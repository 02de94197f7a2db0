import { describe, expect, it, beforeAll } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { openStore, type Store } from '../../src/store/db.ts';
import { ingestArticle } from '../../src/store/ingest.ts';
import { LITE_SEGMENTER, matchingArticleIds, search, type Segmenter, type SearchOptions } from '../../src/store/search.ts';
import { kwic } from '../../src/query/kwic.ts';
import { liteJieba } from '../../src/store/lite-jieba.ts';
import { partsOf } from '../../src/store/word-parts-jieba.ts';
import { liteParts } from '../../src/store/word-parts.ts';
import { cutWords } from '../../src/nlp/segment.ts';
import { buildArticle } from '../../bench/corpus.ts';
import { loadMaterial } from '../../bench/material.ts';
import { QUERIES } from '../../bench/stages/search-queries.ts';
import type { Article } from '../../src/types.ts';
import { ROOT, SHARED, tempDir } from '../helpers.ts';

/**
 * The read side cuts queries and the text around hits with jieba's port over a compact
 * dictionary (src/store/lite-jieba.ts). These tests hold it to jieba itself: the same
 * words, the same parts of compounds, and the same search results (hits, order, scores,
 * totals, snippets, concordance lines) as the old path, which cut with nodejieba and cut
 * each snippet's whole article text.
 */
const jieba = createRequire(import.meta.url)('nodejieba') as {
  cutSmall(text: string, max: number): string[];
  tag(text: string): { word: string; tag: string }[];
};
const JIEBA: Segmenter = { cut: cutWords, parts: partsOf, whole: true };

/** Every text the project ships or reads in its tests: sample articles, fixtures, shared gold. */
function shippedTexts(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries;
    try { entries = readdirSync(dir, { withFileTypes: true }); } catch { return; }
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(json|txt|html)$/.test(e.name)) out.push(readFileSync(p, 'utf8'));
    }
  };
  for (const d of [join(ROOT, 'data/sample/articles'), join(ROOT, 'test/fixtures'), join(SHARED, 'gold')]) walk(d);
  return out;
}

describe('jieba port (lite-jieba)', () => {
  it('cuts every shipped text, every clause of it and random strings as nodejieba.cut(text, true) does', () => {
    const texts = shippedTexts();
    expect(texts.length).toBeGreaterThan(20);
    let seed = 7;
    const rand = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
    const pool = [...new Set(texts.join('').slice(0, 100_000))];
    const strings = [...texts.slice(0, 60)];
    for (const t of texts) strings.push(...t.split(/[，。\n]/).filter((s) => s.length > 1).slice(0, 40));
    for (let i = 0; i < 1500; i++) {
      let s = '';
      for (let k = 1 + rand(24); k > 0; k--) s += rand(10) === 0 ? 'aZ09 .,，。\t\n-'[rand(14)] : pool[rand(pool.length)];
      strings.push(s);
    }
    const lite = liteJieba();
    const bad = strings.filter((s) => lite.cut(s).join('|') !== cutWords(s).join('|'));
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it('gives the parts of compounds (cutSmall and the name tag) as jieba does', () => {
    const words = new Set<string>();
    for (const t of shippedTexts().slice(0, 80)) for (const w of cutWords(t)) if (w.length >= 3) words.add(w);
    for (const w of ['县委书记', '中华人民共和国', '人民政府', '王建国', '乡村振兴局', '党委书记', '市委常委']) words.add(w);
    const lite = liteJieba();
    const bad: string[] = [];
    for (const w of words) {
      if (lite.cutSmall(w, w.length - 1).join('|') !== jieba.cutSmall(w, w.length - 1).join('|')) bad.push(`cutSmall ${w}`);
      if ((lite.firstTag(w) === 'nr') !== (jieba.tag(w)[0]?.tag === 'nr')) bad.push(`tag ${w}`);
      if (JSON.stringify(liteParts(w)) !== JSON.stringify(partsOf(w))) bad.push(`parts ${w}`);
    }
    expect(words.size).toBeGreaterThan(1000);
    expect(bad.slice(0, 5)).toEqual([]);
  });
});

// The bench queries (names, frequent and rare terms, phrases, boolean, with and without
// filters), NEAR, and the README's and --help's examples.
const EXTRA: SearchOptions[] = [
  'NEAR(乡村振兴 产业, 10)', 'NEAR(书记 观摩, 10)', 'NEAR(安全生产 检查 会议, 20)', 'NEAR(项目 投资,5)',
  '李强', '书记', '县委', '政府', '人民', '民政', '强调', '建国', '"书记 观摩"', '"书记观摩"', '乡村振兴局', '"乡村振兴 战略"', '"乡村振兴战略"',
  '招商引资 项目', '招商引资 AND 项目', '李强 OR 王明', '招商引资 NOT 签约', '(李强 OR 王明) 调研', 'title:观摩', 'title:项目',
  'sub:人民政', 'sub:"乡村 振兴局"', 'title:sub:政府', 'sub:人民政 OR sub:强调', '"乡村振兴" AND 产业', '河长制', '"五星支部"',
  '"五星支部" OR 积分超市', '观摩', '中华人民共和国', '市委常委', '2023年', 'GDP 增长', '县委书记观摩', '稀有词汇甲乙',
].map((query) => ({ query }));
const FILTERED: SearchOptions[] = [
  { query: '观摩', source: '长葛时讯' }, { query: '"五星支部" OR 积分超市', from: '2021' },
  { query: '招商引资', from: '2017-01', to: '2017-12', source: '新郑时报' }, { query: '河长制', sort: 'date' },
  { query: 'NEAR(书记 观摩, 10)', from: '2020', to: '2024' }, { query: '项目', sort: 'date', limit: 50, offset: 10 },
];
const CASES: SearchOptions[] = [...QUERIES.map(({ kind: _k, bare: _b, ...q }) => q), ...EXTRA, ...FILTERED];

const EXTRA_ARTICLES: Article[] = [
  { id: 'x1', source: '新郑时报', published: '2017-11-02', title: '市长李强调研农业生产', body: '11月1日，市长李强调研秋粮收购工作，要求抓好粮食安全。' },
  { id: 'x2', source: '长葛时讯', published: '2017-12-05', title: '县委书记观摩重点项目', body: '会上，李强强调，要坚定信心，抓好招商引资，推动高质量发展。市乡村振兴局局长王建国一行到村里督导。中华人民共和国成立。' },
  { id: 'x3', source: '鄢陵时报', published: '2021-04-01', title: '鄢陵县全面推行河长制', body: '鄢陵县全面推行“河长制”，深入推进“五星支部”创建，建设积分超市。GDP增长5.6%。' },
];

describe('search with the port = search with jieba, on the same archive', () => {
  let store: Store;
  beforeAll(() => {
    store = openStore(join(tempDir(), 'equal.db'));
    const m = loadMaterial();
    for (let i = 0; i < 400; i++) ingestArticle(store, buildArticle(m, i));
    for (const a of EXTRA_ARTICLES) ingestArticle(store, a);
  }, 300_000);

  const outcome = (f: () => unknown) => {
    try { return f(); } catch (e) { return `error: ${(e as Error).message}`; }
  };

  it.each(CASES.map((c) => [JSON.stringify(c), c] as const))('%s', (_label, opts) => {
    const withJieba = outcome(() => search(store, { limit: 20, ...opts }, JIEBA));
    const withPort = outcome(() => search(store, { limit: 20, ...opts }, LITE_SEGMENTER));
    expect(withPort).toEqual(withJieba);
    expect(outcome(() => kwic(store, { ...opts, width: 12 }, LITE_SEGMENTER))).toEqual(outcome(() => kwic(store, { ...opts, width: 12 }, JIEBA)));
    expect(outcome(() => matchingArticleIds(store, opts.query, opts, LITE_SEGMENTER))).toEqual(outcome(() => matchingArticleIds(store, opts.query, opts, JIEBA)));
  });

  it('finds something for most queries (the comparison is not between empty results)', () => {
    const found = CASES.filter((c) => outcome(() => search(store, { ...c, limit: 0 }).total) as number > 0);
    expect(found.length).toBeGreaterThan(CASES.length * 0.7);
  });
});

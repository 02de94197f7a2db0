import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/db.ts';
import { listOfficials } from '../../src/query/officials.ts';
import { officialProfiles } from '../../src/query/profile.ts';
import { timeline } from '../../src/query/timeline.ts';
import { listFigures } from '../../src/query/figures.ts';
import { listInitiatives } from '../../src/query/initiatives.ts';
import { coOccurrence } from '../../src/query/network.ts';
import { kwic, kwicLines } from '../../src/query/kwic.ts';
import { periodOf, periodRange } from '../../src/query/periods.ts';
import { workbenchStore } from './fixture.ts';

let store: Store;
beforeAll(() => { store = workbenchStore(); });

describe('officials', () => {
  it('keeps two officials with one name in two counties apart', () => {
    const wang = listOfficials(store, { name: '王明' });
    expect(wang.map((o) => [o.place, o.titles.map((t) => t.post)]).sort()).toEqual([['新郑市', ['新郑市 副市长']], ['长葛市', ['长葛市 市委书记']]]);
    expect(new Set(wang.map((o) => o.key)).size).toBe(2);
  });

  it('lists each title with the first and last date it was seen and counts articles', () => {
    const [liu] = listOfficials(store, { name: '刘建武' });
    expect(liu).toMatchObject({ place: '新郑市', articles: 2, first: '2017-11-02', last: '2017-12-05' });
    expect(liu.titles).toEqual([{ post: '新郑市 市委书记', office: '市委书记', place: '新郑市', placeCode: '410184', printed: ['新郑市委书记'], first: '2017-11-02', last: '2017-12-05', articles: 2 }]);
  });

  it('filters by place: full name, short form or code, with everything inside it', () => {
    const names = (place: string) => listOfficials(store, { place }).map((o) => o.name).sort();
    expect(names('长葛市')).toEqual(['李华', '王明']);
    expect(names('长葛')).toEqual(['李华', '王明']);
    expect(names('411082')).toEqual(['李华', '王明']);
    expect(names('河南省')).toEqual(['刘建武', '李华', '王明', '王明', '马志峰'].sort());
    expect(listFigures(store, { place: '鄢陵县' }).rows.map((r) => r.articleId)).toEqual([4]);
    expect(listInitiatives(store, { place: '新郑' }).map((i) => i.text)).toEqual(['五星支部']);
    expect(() => listOfficials(store, { place: '大河县' })).toThrow(/not a place the gazetteer knows/);
  });

  it('filters by title, source, dates and query', () => {
    const names = (f: Parameters<typeof listOfficials>[1]) => listOfficials(store, f).map((o) => `${o.name}@${o.place}`).sort();
    expect(names({ title: '书记' })).toEqual(['刘建武@新郑市', '王明@长葛市']);
    expect(names({ source: '长葛时讯' })).toEqual(['李华@长葛市', '王明@长葛市']);
    expect(names({ from: '2017-12', to: '2017-12' })).toEqual(['刘建武@新郑市', '王明@新郑市']);
    expect(names({ query: '招商引资' })).toEqual(['刘建武@新郑市', '王明@新郑市']);
  });
});

describe('official profile', () => {
  it('gives posts, appearances, co-appearing officials, initiatives and figures', () => {
    const [p, ...more] = officialProfiles(store, '刘建武');
    expect(more).toEqual([]);
    expect(p.posts.map((x) => x.post)).toEqual(['新郑市 市委书记']);
    expect(p.appearances.map((a) => a.articleId)).toEqual([1, 2]);
    expect(p.timeline).toEqual([{ period: '2017-11', articles: 1 }, { period: '2017-12', articles: 1 }]);
    expect(p.coOfficials.map((c) => `${c.name}@${c.place}:${c.articles}`).sort()).toEqual(['王明@新郑市:1', '马志峰@新郑市:1']);
    expect(p.initiatives).toEqual([{ text: '五星支部', articles: 2 }]);
    expect(p.figures.map((f) => f.value)).toContain(3145000000);
  });

  it('gives one profile per place for a shared name, and --place picks one', () => {
    expect(officialProfiles(store, '王明').map((p) => p.place).sort()).toEqual(['新郑市', '长葛市']);
    const [p] = officialProfiles(store, '王明', { place: '长葛' });
    expect(p.place).toBe('长葛市');
    expect(p.coOfficials.map((c) => c.name)).toEqual(['李华']);
    expect(officialProfiles(store, '无此人')).toEqual([]);
  });
});

describe('timeline', () => {
  it('names periods and fills the gaps between them', () => {
    expect(periodOf('2017-11-02', 'month')).toBe('2017-11');
    expect(periodOf('2017-11-02', 'quarter')).toBe('2017-Q4');
    expect(periodOf('2017-11-02', 'year')).toBe('2017');
    expect(periodRange('2017-11', '2018-02', 'month')).toEqual(['2017-11', '2017-12', '2018-01', '2018-02']);
    expect(periodRange('2017-Q3', '2018-Q1', 'quarter')).toEqual(['2017-Q3', '2017-Q4', '2018-Q1']);
  });

  it('counts matching articles per period with their share of everything published then', () => {
    const rows = timeline(store, { query: '五星支部', by: 'month' });
    expect(rows.map((r) => [r.period, r.count, r.total])).toEqual([
      ['2017-11', 1, 1], ['2017-12', 1, 1], ['2018-01', 0, 0], ['2018-02', 0, 0], ['2018-03', 1, 1], ['2018-04', 0, 1],
    ]);
    const years = timeline(store, { query: '五星支部', by: 'year' });
    expect(years).toEqual([{ period: '2017', count: 2, total: 2, share: 1 }, { period: '2018', count: 1, total: 2, share: 0.5 }]);
    expect(timeline(store, { query: '五星支部', by: 'year', source: '长葛时讯' })).toEqual([{ period: '2018', count: 1, total: 1, share: 1 }]);
  });
});

describe('figures and initiatives', () => {
  it('lists figures with metric, value, unit, date, article and sentence', () => {
    const { total, rows } = listFigures(store, { metric: '收入' });
    expect(total).toBe(1);
    expect(rows[0]).toMatchObject({ value: 3145000000, unit: '元', published: '2017-11-02', articleId: 1, text: '31.45亿元' });
    expect(rows[0].sentence).toContain('31.45亿元');
    // The period the sentence gives (今年前三季度), as the dates table has it; the place the article is about.
    const dated = store.db.prepare(`SELECT value FROM dates WHERE article_id = 1 AND text LIKE '%前三季度%'`).pluck().get();
    expect(dated).toBeTruthy();
    expect(rows[0]).toMatchObject({ period: dated, place: '新郑市' });
    expect(listFigures(store, { unit: '个' }).rows[0]).toMatchObject({ period: null, place: '长葛市' });
    expect(listFigures(store, { unit: '元' }).rows.map((r) => r.articleId)).toEqual([1, 4]);
    expect(listFigures(store, { unit: '元', limit: 1 })).toMatchObject({ total: 2, rows: [{ articleId: 1 }] });
  });

  it('lists each initiative with its sources, places and first and last dates', () => {
    const [top] = listInitiatives(store);
    expect(top).toMatchObject({ text: '五星支部', articles: 3, first: '2017-11-02', last: '2018-03-10' });
    expect(top.sources).toEqual(['新郑时报', '长葛时讯']);
    expect(top.places).toEqual(['新郑市', '长葛市']);
    expect(listInitiatives(store, { top: 1 })).toHaveLength(1);
    expect(listInitiatives(store, { source: '鄢陵时报' }).map((i) => i.text)).toContain('河长制');
  });
});

describe('network', () => {
  it('links officials named in one article, weighted by shared articles, never across namesakes', () => {
    const net = coOccurrence(store, 'officials');
    const w = (a: string, b: string) => net.edges.find((e) => [e.source, e.target].sort().join() === [a, b].sort().join())?.weight ?? 0;
    const liu = net.nodes.find((n) => n.label === '刘建武')!.id;
    // Each node carries its place with the code, and its posts (place + office).
    expect(net.nodes.find((n) => n.id === liu)).toMatchObject({ place: '新郑市', placeCode: '410184', posts: ['新郑市 市委书记'] });
    const wangs = net.nodes.filter((n) => n.label === '王明');
    expect(wangs).toHaveLength(2);
    const xinzheng = wangs.find((n) => n.place === '新郑市')!.id, changge = wangs.find((n) => n.place === '长葛市')!.id;
    expect(w(liu, xinzheng)).toBe(1);
    expect(w(liu, changge)).toBe(0);
    expect(w(changge, net.nodes.find((n) => n.label === '李华')!.id)).toBe(1);
  });

  it('links officials to the initiatives of their articles', () => {
    const net = coOccurrence(store, 'officials-initiatives');
    const liu = net.nodes.find((n) => n.label === '刘建武')!.id;
    // Each node carries its place with the code, and its posts (place + office).
    expect(net.nodes.find((n) => n.id === liu)).toMatchObject({ place: '新郑市', placeCode: '410184', posts: ['新郑市 市委书记'] });
    expect(net.edges.find((e) => e.source === liu && e.target === 'initiative:五星支部')?.weight).toBe(2);
    expect(net.nodes.some((n) => n.label === '河长制')).toBe(false); // no official in that article
  });
});

describe('kwic', () => {
  it('gives one line per hit with N characters either side and code-point offsets', () => {
    const { total, lines } = kwic(store, { query: '五星支部', width: 6, sort: 'date', limit: 10 });
    expect(total).toBe(3);
    expect(lines.map((l) => l.articleId)).toEqual([3, 3, 2, 1]);
    for (const l of lines) {
      expect(l.hit).toBe('五星支部');
      expect([...l.left].length).toBeLessThanOrEqual(6);
      expect([...l.right].length).toBeLessThanOrEqual(6);
      expect(l.left + l.hit + l.right).not.toMatch(/\n/);
    }
    expect(lines[2]).toMatchObject({ left: '要持续推进“', right: '”创建，抓好' });
  });

  it('counts offsets in code points, past characters outside the BMP', () => {
    // A substring term: jieba cuts 河/长/制 after the two rare characters, so the word would not be there.
    const text = '𠀀𠀁河长制推行';
    const [l] = kwicLines(text, [{ text: '河长制', substring: true }], 1);
    expect(l).toMatchObject({ charStart: 2, charEnd: 5, left: '𠀁', right: '推' });
  });
});

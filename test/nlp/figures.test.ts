import { describe, expect, it } from 'vitest';
import { findFigures } from '../../src/nlp/figures.ts';
import { analyse } from '../../src/nlp/analysis.ts';

/** `value unit` for each figure in `text`. */
function figures(text: string): string[] {
  return findFigures(analyse(text, '2020-01-01')).map((f) => `${f.value} ${f.unit}`);
}

describe('findFigures', () => {
  it('scales 万 and 亿 exactly', () => {
    expect(figures('全年营业收入274.3亿元')).toEqual(['27430000000 元']);
    expect(figures('规划面积16.4亿平方米')).toEqual(['1640000000 平方米']);
    expect(figures('新增城镇就业1.12万人')).toEqual(['11200 人']);
  });

  it('keeps the number of approximate amounts and drops indefinite ones', () => {
    expect(figures('五百余户从事花木种植')).toEqual(['500 户']);
    expect(figures('3.2万余名党员，利税5000余万元')).toEqual(['32000 名', '50000000 元']);
    expect(figures('每月2000多元，超3000亿元')).toEqual(['2000 元', '300000000000 元']);
    expect(figures('近百家企业，数十名干部，几百人')).toEqual([]);
  });

  it('reads percentages in both spellings', () => {
    expect(figures('同比增长12.5%，占比百分之十五')).toEqual(['12.5 %', '15 %']);
    expect(figures('达到１００％')).toEqual(['100 %']);
  });

  it('reads measure words after Chinese numerals', () => {
    expect(figures('走访两个社区，划分为十二个网格')).toEqual(['2 个', '12 个']);
    expect(figures('改造危桥四十座，两台收割机')).toEqual(['40 座', '2 台']);
  });

  it('counts 1个亿 as money, and 万/亿 amounts without a unit when the clause is about money', () => {
    expect(figures('县里筹措1个亿用于修路')).toEqual(['100000000 元']);
    expect(figures('项目总投资1.5亿，惠及人口12万')).toEqual(['150000000 元']);
  });

  it('reads thousands separators and foreign currencies', () => {
    expect(figures('共检查企业1,386家')).toEqual(['1386 家']);
    expect(figures('合同利用外资1.35亿美元')).toEqual(['135000000 美元']);
  });

  it('is not fooled by dates, durations, ordinals, idioms, slogans or names', () => {
    expect(figures('2019年9月，第二次会议，第十七届')).toEqual([]);
    expect(figures('用3个月左右时间，为期两个月，15个工作日')).toEqual([]);
    expect(figures('只用了两个多月，还有一个半小时')).toEqual([]);
    expect(figures('市十六届人大六次会议，十四届全国人大二次会议')).toEqual([]);
    expect(figures('全年共召开6次会议')).toEqual(['6 次']);
    expect(figures('宴请宾客34桌')).toEqual(['34 桌']);
    expect(figures('郑州恒鑫汽车零部件有限公司')).toEqual([]);
    expect(figures('四棵树乡、五里堡镇的群众，3个村')).toEqual(['3 个']);
    expect(figures('一批干部，开展一次检查，验收组一行，发现一起查处一起')).toEqual([]);
    expect(figures('落实“四议两公开”，推进“万人助万企”，党的十九大')).toEqual([]);
    expect(figures('增强四个意识，做到两个维护')).toEqual([]);
    expect(figures('新建5G基站，G4高速，1号文件，二期工程')).toEqual([]);
  });

  it('keeps figures inside quoted speech', () => {
    expect(figures('他说：“亩产能达到1200斤左右，比往年多收不少。”')).toEqual(['1200 斤']);
  });

  it('names the metric when the sentence says it', () => {
    const [f] = findFigures(analyse('园区规模以上工业增加值完成48.5亿元；', '2017-11-02'));
    expect(f.metric).toContain('规模以上工业增加值');
    const [g] = findFigures(analyse('带动120余名群众在家门口就业', '2017-11-02'));
    expect(g.metric).toBe('群众');
    const pair = findFigures(analyse('城乡居民人均可支配收入分别增长2.7%和6.9%。', '2021-01-15'));
    expect(pair.map((p) => p.metric)).toEqual(['城乡居民人均可支配收入', '城乡居民人均可支配收入']);
  });

  it('gives offsets into the original text', () => {
    const text = '财政收入完成７.６７亿元';
    const [f] = findFigures(analyse(text, '2017-11-02'));
    expect(text.slice(f.start, f.end)).toBe('７.６７亿元');
    expect(f.value).toBe(767000000);
  });

  it('counts with the measure words of things, vehicles, food and animals', () => {
    expect(figures('送去300碗饺子、50余副对联，搭起80顶帐篷')).toEqual(['300 碗', '50 副', '80 顶']);
    expect(figures('开行4列动车，加挂两节车厢，放流鱼苗20万尾')).toEqual(['4 列', '2 节', '200000 尾']);
    expect(figures('新增病例2例，年满18周岁')).toEqual(['2 例', '18 岁']);
    // 两节 of the holidays and 一对一 are no counts.
    expect(figures('两节期间开展一对一帮扶')).toEqual([]);
  });

  it('reads a count of visits with its 次 in brackets', () => {
    expect(figures('全年走访群众85人(次)，出动车辆12辆（次）')).toEqual(['85 人次', '12 辆次']);
  });

  it('takes one unit of measurement and more, not a lone 一 with a measure word', () => {
    expect(figures('水深一米多，运来一吨多沙子')).toEqual(['1 米', '1 吨']);
    expect(figures('打通最后一公里，落实一批项目')).toEqual([]);
  });

  it('reads no Chinese digits side by side as one number', () => {
    expect(figures('这是全县唯一一个试点，来了三四个人，共二十一名')).toEqual(['21 名']);
  });
});


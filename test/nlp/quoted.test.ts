import { describe, expect, it } from 'vitest';
import { findDocuments, findInitiatives, isQuotedSpeech } from '../../src/nlp/quoted.ts';
import { analyse } from '../../src/nlp/analysis.ts';

const initiatives = (text: string) => findInitiatives(analyse(text)).map((i) => i.text);
const documents = (text: string) => findDocuments(analyse(text)).map((i) => i.text);

describe('findInitiatives', () => {
  it('takes campaigns and slogans in “…” and 「…」 without the marks', () => {
    expect(initiatives('持续深化“放管服”改革，扎实做好「三农」工作')).toEqual(['放管服', '三农']);
    expect(initiatives('坚持“守初心、担使命,找差距、抓落实”总要求')).toEqual(['守初心、担使命,找差距、抓落实']);
  });

  it('leaves out quoted direct speech', () => {
    expect(initiatives('村民卢玉兰说：“以前出门打零工，现在离家几步路就能挣钱。”')).toEqual([]);
    expect(initiatives('“企业的难题就是我们的课题，企业的需求就是我们的追求。”姬晓光说')).toEqual([]);
    expect(initiatives('“要让游客来了有得看、有得玩，让更多群众在家门口增收。”姚建军说。')).toEqual([]);
  });

  it('leaves out figures of speech: one character or one everyday word in quotes', () => {
    expect(initiatives('给每棵古茶树办了“身份证”，不拘“小节”，茶叶“长”在树上，推行“河长制”')).toEqual(['河长制']);
    expect(initiatives('项目建设是稳增长的“压舱石”。特产成了游客争相购买的“香饽饽”，抢抓“五一”假期，关注“颍上就业”微信公众号，深化“放管服”改革')).toEqual(['放管服']);
    expect(initiatives('村“两委”成员、社区“两委”班子参加，落实“四议两公开”')).toEqual(['四议两公开']);
  });

  it('leaves out quoted names of works', () => {
    expect(initiatives('组织党员观看“初心如磐”专题片，开展“清廉家风”主题活动')).toEqual(['清廉家风']);
  });

  it('lists each initiative once', () => {
    expect(initiatives('“五星支部”创建……把“五星支部”创建')).toEqual(['五星支部']);
  });
});

describe('findInitiatives: names and figures of speech that are no campaigns', () => {
  it('leaves out idioms, shows, places, events, contests and exclamations', () => {
    expect(initiatives('新米上市便“一扫而光”，真是“一举两得”')).toEqual([]);
    expect(initiatives('登上省台农业频道“田间课堂”，游览“梅香园”，参加“第三届樱桃节暨招商洽谈会”')).toEqual([]);
    expect(initiatives('“金穗”杯书法大赛开幕，孩子们喊着“好啊，太美啦”')).toEqual([]);
  });

  it('keeps idioms that name a system, campaigns with 进校园, and long parallel slogans', () => {
    expect(initiatives('落实“门前三包”责任制，开展“书法文化进校园”活动')).toEqual(['门前三包', '书法文化进校园']);
    expect(initiatives('树牢“宁要绿水青山不要污染，宁守碧水蓝天不图一时”的理念')).toEqual(['宁要绿水青山不要污染，宁守碧水蓝天不图一时']);
    expect(initiatives('开展“我为群众办实事”实践活动')).toEqual(['我为群众办实事']);
    // Long, unequal clauses with a pronoun are what someone said.
    expect(initiatives('“我们现在日子好了，感谢党的好政策”')).toEqual([]);
  });
});

describe('isQuotedSpeech', () => {
  it('tells a slogan from a sentence', () => {
    expect(isQuotedSpeech('一河一策、一河一档', '实现', '全覆盖')).toBe(false);
    expect(isQuotedSpeech('河水清了', '说：', '')).toBe(true);
  });
});

describe('findDocuments', () => {
  it('takes titles in 《…》', () => {
    expect(documents('对照《中华人民共和国安全生产法》和《长垣市岁末年初安全生产大检查实施方案》')).toEqual([
      '中华人民共和国安全生产法',
      '长垣市岁末年初安全生产大检查实施方案',
    ]);
  });
});

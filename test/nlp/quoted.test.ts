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

describe('findInitiatives: quoted names of honours, works, events, facilities and brands', () => {
  it('leaves out honours and awards, a list of them at once', () => {
    expect(initiatives('该镇先后荣获“全国卫生乡镇”、“省级园林城镇”等12项荣誉称号')).toEqual([]);
    expect(initiatives('该镇获得了“全省乡村治理百强乡镇”、“市级清洁村庄”等多项称号')).toEqual([]);
    expect(initiatives('县代表队捧得“丰收杯”，茶叶通过了“绿色食品认证”，石桥村入选“河北省森林生态村”')).toEqual([]);
  });

  it('keeps a ranked title still to be won and a campaign named like an honour', () => {
    expect(initiatives('全力争创“全国文明城市”，推进“省级卫生城市”创建，开展“三零”村创建，组织“最美家庭”评选')).toEqual([
      '全国文明城市', '省级卫生城市', '三零', '最美家庭',
    ]);
  });

  it('leaves out headlines, couplets of verse and sayings standing as a clause', () => {
    expect(initiatives('省报以“山乡十年换新颜”为通栏标题刊发报道')).toEqual([]);
    expect(initiatives('大家怀着“青山隔岸云初起，碧水穿村鸟自鸣”的心情')).toEqual([]);
    expect(initiatives('风雨再大，“路远山高，终见峰顶晴光”，村民们从未放弃')).toEqual([]);
  });

  it('keeps slogans of two lines that repeat their words or run parallel', () => {
    expect(initiatives('坚持“修好一条路，富了一方人”的思路，墙上刷着“河畅水清岸绿，人和家兴业旺”的标语')).toEqual([
      '修好一条路，富了一方人', '河畅水清岸绿，人和家兴业旺',
    ]);
    expect(initiatives('村口，“垃圾分一分，环境美十分”，成了家家户户的共识')).toEqual(['垃圾分一分，环境美十分']);
  });

  it('leaves out events, facilities and brands', () => {
    expect(initiatives('村里摆起“百家长街宴”，为“乡村人才实训基地”揭牌')).toEqual([]);
    expect(initiatives('“石榴红”牌石榴销往各地，游客乘“清溪号”渡船过河，入住“云上驿站”')).toEqual([]);
  });

  it('keeps campaigns beside those names', () => {
    expect(initiatives('打造“一村一品”品牌，把招商作为“一号工程”，推出“红色驿站”服务品牌')).toEqual([
      '一村一品', '一号工程', '红色驿站',
    ]);
  });

  it('leaves out a run of metaphors after 的, and keeps a run of campaigns', () => {
    expect(initiatives('乡村旅游是富民增收的“金钥匙”和“助推器”。')).toEqual([]);
    expect(initiatives('持续推进“一网通办”和“最多跑一次”改革。')).toEqual(['一网通办', '最多跑一次']);
  });
});

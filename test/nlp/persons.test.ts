import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/nlp/analysis.ts';
import { findBylines } from '../../src/nlp/bylines.ts';
import { findPersons } from '../../src/nlp/persons.ts';

const found = (text: string) => {
  const a = analyse(text);
  return findPersons(a, findBylines(a));
};
const names = (text: string) => found(text).map((p) => p.name);

describe('findPersons', () => {
  it('reads compound surnames as one surname', () => {
    expect(names('欧阳振华在会上发言。')).toEqual(['欧阳振华']);
    expect(names('校长上官明远介绍了学校的情况。')).toEqual(['上官明远']);
    expect(names('司马文博、诸葛文静参加了比赛。')).toEqual(['司马文博', '诸葛文静']);
  });

  it('knows rare surnames', () => {
    expect(names('村民逯新民说，今年收成不错。')).toEqual(['逯新民']);
    expect(names('禚宏伟、訾建国、亓春雷等参加活动。')).toEqual(['禚宏伟', '訾建国', '亓春雷']);
    expect(names('县长隗立新，常务副县长郄海涛，副县长郗宏伟出席活动。')).toEqual(['隗立新', '郄海涛', '郗宏伟']);
    expect(names('市领导贠立新、阚东升、睢建英出席。')).toEqual(['贠立新', '阚东升', '睢建英']);
    // jieba glued the last character to the verb after it (宦立|群作|报告).
    expect(names('县政协副主席宦立群作提案工作情况报告。')).toEqual(['宦立群']);
  });

  it('reads Mongolian names of one or two elements with a title or speech beside them, not places', () => {
    expect(names('旗委书记朝鲁门带队考察。旗委副书记、旗长萨仁高娃通过视频推介。牧民其其格说，草场很好。')).toEqual(['朝鲁门', '萨仁高娃', '其其格']);
    expect(names('乌兰察布市和呼和浩特市的企业参加。')).toEqual([]);
  });

  it('finds two- and three-character names, men and women', () => {
    expect(names('副县长王磊出席会议。')).toEqual(['王磊']);
    expect(names('宣传部长周丽娟主持会议，村民李秀珍发言。')).toEqual(['周丽娟', '李秀珍']);
  });

  it('splits a name from the verb glued to it', () => {
    expect(names('赵东锋在讲话中指出，要抓好落实。')).toEqual(['赵东锋']);
    expect(names('孙瑞光强调，要压实责任。')).toEqual(['孙瑞光']);
  });

  it('keeps names whose given name is a dictionary word (刘|建武, 黄|卫东)', () => {
    expect(names('市委书记刘建武出席会议。黄卫东汇报了工作。')).toEqual(['刘建武', '黄卫东']);
  });

  it('finds names before 同志, 书记 and 主任', () => {
    expect(names('韩立新同志出席。马卫东书记讲话。')).toEqual(['韩立新', '马卫东']);
    expect(names('吴志刚主任陪同。')).toEqual(['吴志刚']);
  });

  it('finds every name of an enumeration', () => {
    expect(names('县领导郭志峰、沈洪源、李猛等参加活动。')).toEqual(['郭志峰', '沈洪源', '李猛']);
  });

  it('finds transliterated names, with their dotted parts', () => {
    expect(names('美国总统克林顿今天表示。')).toEqual(['克林顿']);
    expect(names('印度前总理拉吉夫·甘地的遗孀')).toEqual(['拉吉夫·甘地']);
  });

  it('does not take words that start with a surname character for names', () => {
    expect(names('要高度重视和平发展与安全生产。')).toEqual([]);
    expect(names('全市2000余吨粮食运往莫斯科和伊拉克。')).toEqual([]);
    expect(names('过去一年，文明程度明显提高，向全国推广经验。')).toEqual([]);
    // jieba tags these nr: a frequent word with a noun suffix is no name (安全|性, 宿舍|楼).
    expect(names('据了解，安全性、幸福感都有提升，宿舍楼也建好了。')).toEqual([]);
  });

  it('reads names written with a middle dot whole, Uyghur and Tibetan names too', () => {
    expect(names('自治区主席司马义·艾买提出席会议。')).toEqual(['司马义·艾买提']);
    expect(names('副主席阿沛·阿旺晋美讲话。')).toEqual(['阿沛·阿旺晋美']);
    expect(names('他同约翰·梅杰先生交谈，总统鲍里斯·尼古拉耶维奇·叶利钦签署命令。')).toEqual(['约翰·梅杰', '鲍里斯·尼古拉耶维奇·叶利钦']);
    expect(names('国务卿马德琳·奥尔布赖特说，')).toEqual(['马德琳·奥尔布赖特']);
    // A date or a place pair with a dot is no name.
    expect(names('纪念一·二九运动，中国·郑州国际会议开幕。')).toEqual([]);
  });

  it('finds Tibetan names by their elements', () => {
    expect(names('藏族老人次仁卓玛今年78岁。自治区主席洛桑江村说，')).toEqual(['次仁卓玛', '洛桑江村']);
    expect(names('她的孙女格桑说，大学生活很充实。')).toEqual(['格桑']);
  });

  it('finds Japanese names by their family name', () => {
    expect(names('日本首相桥本龙太郎12日在东京会见客人。')).toEqual(['桥本龙太郎']);
    expect(names('村山富市说，历史问题必须正视。')).toEqual(['村山富市']);
    expect(names('首相小渊惠三会见客人。小渊表示，桥本首相也出席。')).toEqual(['小渊惠三', '小渊', '桥本']);
    // 中山 is a Japanese family name, 中山大学 a university.
    expect(names('他毕业于中山大学。')).toEqual([]);
  });

  it('finds a given name used alone after the full name, and before 同志', () => {
    expect(names('宋海涛今年五十岁。海涛说，日子越过越好了。')).toEqual(['宋海涛', '海涛']);
    expect(names('小平同志多次强调，发展才是硬道理。')).toEqual(['小平']);
    expect(names('谢非同志的遗体今天火化。鲁迅先生说过。')).toEqual(['谢非', '鲁迅']);
    // Words before 同志 are no names, nor a name's first characters inside a word.
    expect(names('党和国家领导人出席了晚会。几位同志都来了。')).toEqual([]);
    expect(names('广大同志和基层同志都参加了。')).toEqual([]);
  });

  it('takes two-character names jieba knows when a title stands beside them', () => {
    expect(names('总理李鹏会见了乔石委员长。')).toEqual(['李鹏', '乔石']);
  });

  it('takes a short transliterated name right after a public title, or before speech', () => {
    expect(names('联合国秘书长安南在纽约发表讲话。')).toEqual(['安南']);
    expect(names('他同布什举行了会谈。奥巴马说，')).toEqual(['布什', '奥巴马']);
  });

  it('finds transliterations jieba does not know, also when it glued a preposition to them', () => {
    expect(names('据萨卡什维利介绍，项目进展顺利。')).toEqual(['萨卡什维利']);
    expect(names('他还会见了埃尔多安。')).toEqual(['埃尔多安']);
  });

  it('reads a name again wherever it stands as whole words', () => {
    expect(names('美国前国务卿基辛格博士访华。李鹏对基辛格再次来华表示欢迎。')).toEqual(['基辛格', '李鹏', '基辛格']);
  });

  it('leaves out schools, memorials and country pairs named with name characters', () => {
    expect(names('北川县曲山小学的老师，韩中两国的友谊。')).toEqual([]);
  });

  it('takes the first member of a list right after a title', () => {
    expect(names('副委员长热地、司马义·艾买提出席。')).toEqual(['热地', '司马义·艾买提']);
  });

  it('reports every occurrence with its offsets, bylined journalists included', () => {
    const text = '市长孟庆华讲话。孟庆华强调，要抓好落实。\n\n记者 吴昊';
    const ps = found(text);
    expect(ps.map((p) => p.name)).toEqual(['孟庆华', '孟庆华', '吴昊']);
    for (const p of ps) expect(text.slice(p.start, p.end)).toBe(p.name);
  });

  it('reads a given character the model bars (革) when jieba cut it with the surname and a title follows', () => {
    expect(names('会议指出，钱革书记的讲话站位高。')).toEqual(['钱革']);
    // …but a function word glued to the surname stays out (李说书记).
    expect(names('会上李说书记来了。')).toEqual([]);
  });
});

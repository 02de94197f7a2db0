import { describe, expect, it } from 'vitest';
import { extractText } from '../../src/nlp/extract.ts';

const officials = (text: string) => Object.fromEntries(extractText(text).officials.map((o) => [o.name, o.titles]));

describe('findOfficials', () => {
  it('keeps the organisation prefix of a title', () => {
    expect(officials('河阳市委书记周建平出席会议并讲话。')).toEqual({ 周建平: ['河阳市委书记'] });
  });

  it('gives every stacked title, in order', () => {
    expect(officials('市委常委、组织部长陈卫东主持会议。')).toEqual({ 陈卫东: ['市委常委', '组织部长'] });
    expect(officials('河阳市委副书记、市长、市级总河长杨志刚出席。')).toEqual({ 杨志刚: ['河阳市委副书记', '市长', '市级总河长'] });
    // jieba glues the end of the last title to the name (总|河湖|长杜文斌).
    expect(officials('县委副书记、县长、县级总河湖长杜文斌主持会议。')).toEqual({ 杜文斌: ['县委副书记', '县长', '县级总河湖长'] });
    expect(officials('县委常委、宣传部长、县委宣讲团团长马秀明作宣讲报告。')).toEqual({ 马秀明: ['县委常委', '宣传部长', '县委宣讲团团长'] });
    expect(officials('县人民医院杨文明副院长告诉记者。')).toEqual({ 杨文明: ['副院长'] });
  });

  it('keeps a private role stacked with a public one, but makes no official of it alone', () => {
    expect(officials('县政协委员、河阳县鑫源纺织有限公司董事长谭明说。')).toEqual({ 谭明: ['县政协委员', '河阳县鑫源纺织有限公司董事长'] });
    expect(officials('河阳县鑫源纺织有限公司董事长谭明说。')).toEqual({});
    expect(officials('决定：\n\n任命卫东明同志为登封市教育体育局副局长(试用期一年);')).toEqual({ 卫东明: ['登封市教育体育局副局长'] });
  });

  it('reads the posts of a cadre profile in an appointment notice', () => {
    expect(officials('现予以公示：\n\n皇甫志明，男，汉族，1979年11月生，大学学历，现任车溪乡党委副书记、乡长，拟任车溪乡党委书记。\n\n上官婷玉，女，现任县委办公室副主任，拟任县委督查室主任（试用期一年）。')).toEqual({
      皇甫志明: ['车溪乡党委副书记', '乡长', '车溪乡党委书记'], 上官婷玉: ['县委办公室副主任', '县委督查室主任'],
    });
  });

  it('starts the title after the word that introduces it', () => {
    expect(officials('会议由河阳市政府党组成员王俊伟主持。')).toEqual({ 王俊伟: ['河阳市政府党组成员'] });
    expect(officials('据李家村党支部书记李建军介绍，村里新建了大棚。')).toEqual({ 李建军: ['李家村党支部书记'] });
  });

  it('gives a collective title to each name of the list', () => {
    expect(officials('河阳市领导马志强、秦洪涛、李猛等陪同。')).toEqual({
      马志强: ['河阳市领导'], 秦洪涛: ['河阳市领导'], 李猛: ['河阳市领导'],
    });
  });

  it('gives a collective title written after the list to its names', () => {
    expect(officials('韩立东、宋雅丽等市领导出席会议。')).toEqual({ 韩立东: ['市领导'], 宋雅丽: ['市领导'] });
    expect(officials('王明等村民参加了劳动。')).toEqual({});
  });

  it('reads a title after the name, but not 同志', () => {
    expect(officials('吕振国书记在讲话中指出，要抓好落实。')).toEqual({ 吕振国: ['书记'] });
    expect(officials('上官明远校长介绍了学校的情况。')).toEqual({ 上官明远: ['校长'] });
    expect(officials('宣誓仪式由韦国平同志主持。')).toEqual({});
  });

  it('takes the office of an appointment or a removal', () => {
    expect(officials('会议决定任命刘振华同志为河阳县人民政府副县长。')).toEqual({ 刘振华: ['河阳县人民政府副县长'] });
    expect(officials('会议选举孟庆华为河阳市人民政府市长。')).toEqual({ 孟庆华: ['河阳市人民政府市长'] });
    expect(officials('免去孙海涛同志的河阳县交通运输局局长职务。')).toEqual({ 孙海涛: ['河阳县交通运输局局长'] });
  });

  it('counts later bare mentions and short forms as the same person', () => {
    const text = '河阳县委书记穆春林深入乡镇调研。穆春林要求，各乡镇要抓好落实。穆书记还察看了麦田。县委书记穆春林同志讲话。';
    const os = extractText(text).officials;
    expect(os).toHaveLength(1);
    expect(os[0].titles).toEqual(['河阳县委书记']);
    expect(os[0].mentions.map((m) => text.slice(m.start, m.end))).toEqual(['穆春林', '穆春林', '穆春林']);
  });

  it('leaves out private persons and journalists', () => {
    const text = '村民赵金锁说，河水清了。种粮大户焦学林正在收麦，志愿者王小红在帮忙，心内科医生魏晓明在义诊。\n\n记者 刘飞';
    expect(officials(text)).toEqual({});
  });

  it('stops a title on its left at the verb of the clause (传达学习|省委常委)', () => {
    expect(officials('全体干部传达学习省委常委、市委书记邓向东的讲话精神。')).toEqual({ 邓向东: ['省委常委', '市委书记'] });
    expect(officials('代表们认真学习讨论县人大常委会副主任、镇党委书记秦立新所作的报告。')).toEqual({ 秦立新: ['县人大常委会副主任', '镇党委书记'] });
    // jieba's HMM glues the preposition to an unknown village's first character (据沟|东村).
    expect(officials('据沟东村党支部书记李宏涛介绍，村里修了路。')).toEqual({ 李宏涛: ['沟东村党支部书记'] });
    // …but a verb inside an office's name opens nothing (县|扶贫|办主任).
    expect(officials('县扶贫办主任罗新民带队检查。')).toEqual({ 罗新民: ['县扶贫办主任'] });
    // jieba tags 镇长 and 组长 as verbs: a head word stops nothing.
    expect(officials('主持人介绍了镇党委副书记、镇长庞立新，专家组组长韩秀英。')).toEqual({ 庞立新: ['镇党委副书记', '镇长'], 韩秀英: ['专家组组长'] });
  });

  it('keeps a conjunction inside an office\'s name, not between two people', () => {
    expect(officials('县住房和城乡建设局局长孙立平讲话。')).toEqual({ 孙立平: ['县住房和城乡建设局局长'] });
    expect(officials('县海洋与渔业局局长陈海燕说。')).toEqual({ 陈海燕: ['县海洋与渔业局局长'] });
    expect(officials('群众和村支书郑国庆一起修路。')).toEqual({ 郑国庆: ['村支书'] });
  });

  it('counts deputies to a people\'s congress and CPPCC members as public roles, also a list announced after the title', () => {
    expect(officials('全国人大代表、河阳县东关村党支部书记魏春芳说。')).toEqual({ 魏春芳: ['全国人大代表', '河阳县东关村党支部书记'] });
    expect(officials('本县的3名市优秀人大代表是：方红卫、谷雨晴、杜建民。')).toEqual({
      方红卫: ['市优秀人大代表'], 谷雨晴: ['市优秀人大代表'], 杜建民: ['市优秀人大代表'],
    });
    expect(officials('获奖的是：王明、李华。')).toEqual({});
  });

  it('reads the post of an appointment decision, also as a document title', () => {
    expect(officials('会议表决通过了《关于邵长青同志任河阳县人民政府副县长的决定》。')).toEqual({ 邵长青: ['河阳县人民政府副县长'] });
    expect(officials('经研究决定：葛建华同志任城关镇党委书记；梁晓东同志任县委常委、组织部部长。')).toEqual({
      葛建华: ['城关镇党委书记'], 梁晓东: ['县委常委', '组织部部长'],
    });
    expect(officials('韦国庆同志任务很重。')).toEqual({});
  });

  it('gives the posts a sentence points back to with 这位…的 to the person it named, 原 kept as printed', () => {
    expect(officials('乡亲们怀念邵德林，怀念这位年过六旬的河阳县城关镇原李庄村支书、村委会主任，他一心为民。')).toEqual({
      邵德林: ['河阳县城关镇原李庄村支书', '村委会主任'],
    });
    expect(officials('邵德林走了。这位老人的儿子是村支书。')).toEqual({});
  });
});

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
});

import { describe, expect, it } from 'vitest';
import { findDates } from '../../src/nlp/dates.ts';
import { analyse } from '../../src/nlp/analysis.ts';

/** The values found in `text` for a paper published on `published`. */
function values(text: string, published = '2017-11-02'): string[] {
  return findDates(analyse(text, published)).map((d) => d.value);
}

describe('findDates', () => {
  it('normalises full and year-less dates against the publication date', () => {
    expect(values('11月1日下午，某县召开推进会')).toEqual(['2017-11-01']);
    expect(values('2024年10月18日开工建设')).toEqual(['2024-10-18']);
    expect(values('预计2025年6月建成通车')).toEqual(['2025-06']);
    expect(values('2015年以来的干部')).toEqual(['2015']);
  });

  it('gives the end or start of a year as that year, and no date for 年底 without a year', () => {
    expect(values('贫困发生率由2013年底的27.3%降至去年底的0.39%，2022年末', '2024-05-01')).toEqual(['2013', '2023', '2022']);
    expect(values('确保年底前全部完工', '2024-05-01')).toEqual([]);
  });

  it('puts a year-less date in the year before when it would fall after publication', () => {
    expect(values('12月29日，市长带队检查', '2024-01-03')).toEqual(['2023-12-29']);
    // Year-to-date figures from January that would end after publication are last year's.
    expect(values('1至11月，全县完成固定资产投资', '2019-01-04')).toEqual(['2018-01/2018-11']);
    expect(values('1至3月，全县完成固定资产投资', '2019-04-10')).toEqual(['2019-01/2019-03']);
    // A quarter is no year-to-date span; a date announced as coming is still ahead.
    expect(values('奋力实现一季度开门红', '2019-01-03')).toEqual(['2019-01/2019-03']);
    expect(values('会议将于1月13日上午闭幕', '2024-01-11')).toEqual(['2024-01-13']);
    expect(values('待2月9日24时后即可有序复工', '2020-02-06')).toEqual(['2020-02-09']);
    expect(values('确保夏玉米在6月20日前播种完毕', '2020-06-11')).toEqual(['2020-06-20']);
  });

  it('reads 去年同期 as the period named before it, a year earlier', () => {
    expect(values('前三季度，工业增加值增速较去年同期提高2.1个百分点', '2024-10-24')).toEqual(['2024-01/2024-09', '2023-01/2023-09']);
    expect(values('增速较去年同期提高2.1个百分点', '2024-10-24')).toEqual([]);
    expect(values('自11月起开展大排查', '2024-01-03')).toEqual(['2023-11']);
    expect(values('1月2日，召开专题会议', '2024-01-03')).toEqual(['2024-01-02']);
  });

  it('reads Chinese numerals and full-width digits', () => {
    expect(values('二〇二一年一月十四日上午')).toEqual(['2021-01-14']);
    expect(values('１９９８年')).toEqual(['1998']);
  });

  it('turns ranges, halves, quarters and the first N months into start/end spans', () => {
    expect(values('今年1月至9月，园区税收')).toEqual(['2017-01/2017-09']);
    expect(values('今年前9个月，全县财政收入')).toEqual(['2017-01/2017-09']);
    // A bare 前N个月 in a report after those months is this year's; not before them, nor before 里.
    expect(values('通报前10个月全县安全生产形势')).toEqual(['2017-01/2017-10']);
    expect(values('前10个月', '2017-05-02')).toEqual([]);
    expect(values('在前3个月里，他跑遍了全县')).toEqual([]);
    expect(values('今年上半年，全市')).toEqual(['2017-01/2017-06']);
    expect(values('前三季度')).toEqual(['2017-01/2017-09']);
    expect(values('四季度')).toEqual(['2017-10/2017-12']);
    expect(values('公示时间为二〇一九年十一月十八日至十一月二十二日')).toEqual(['2019-11-18/2019-11-22']);
    expect(values('2019年4月12-19日')).toEqual(['2019-04-12/2019-04-19']);
  });

  it('resolves 昨日, 前日, 去年 and 今年 from the publication date', () => {
    expect(values('昨日上午，活动启动', '2020-09-24')).toEqual(['2020-09-23']);
    expect(values('前日', '2020-03-01')).toEqual(['2020-02-28']);
    expect(values('去年，全县小麦总产', '2016-06-03')).toEqual(['2015']);
    expect(values('今年以来', '2016-06-03')).toEqual(['2016']);
  });

  it('counts one value once, whatever the wording', () => {
    expect(values('今年前8个月……今年1月至8月')).toEqual(['2017-01/2017-08']);
  });

  it('leaves out durations, vague words, ordinals and numbers inside names', () => {
    expect(values('再用3个月左右完成交接')).toEqual([]);
    expect(values('近年来，目前，今后一个时期')).toEqual([]);
    expect(values('第二次全体会议，贯彻党的十九大精神')).toEqual([]);
    expect(values('仅用15个工作日就办结了，30日内答复，三十多年历史')).toEqual([]);
    expect(values('坚守初心，岁末年初')).toEqual([]);
    // 以前|年轻人: the 前 of 前年 belongs to the word on its left.
    expect(values('以前年轻人都外出打工，目前年产值过亿')).toEqual([]);
    expect(values('前年，他被评为劳动模范')).toEqual(['2015']);
  });

  it('gives offsets into the original text', () => {
    const text = '本报讯 １０月３１日下午';
    const [d] = findDates(analyse(text, '2017-11-02'));
    expect(text.slice(d.start, d.end)).toBe('１０月３１日');
    expect(d.value).toBe('2017-10-31');
  });

  it('needs the publication date for relative and year-less dates', () => {
    expect(findDates(analyse('昨日，11月1日，2018年2月')).map((d) => d.value)).toEqual(['2018-02']);
  });

  it('keeps the publication year for any date spoken of as still to come', () => {
    expect(values('展览将于5月8日开幕', '2023-02-10')).toEqual(['2023-05-08']);
    expect(values('距开赛倒计时：4月2日', '2023-02-10')).toEqual(['2023-04-02']);
    expect(values('确保7月15日前全部完工', '2023-02-10')).toEqual(['2023-07-15']);
    expect(values('送福活动启动 持续至2月12日', '2023-02-10')).toEqual(['2023-02-12']);
    // …while one told as past, after publication, is last year's.
    expect(values('5月8日，展览开幕', '2023-02-10')).toEqual(['2022-05-08']);
  });

  it('gives a day listed after a month-day that month', () => {
    expect(values('12月28日、29日两天，全县', '2023-01-10')).toEqual(['2022-12-28', '2022-12-29']);
    expect(values('3月2日和3日', '2023-03-20')).toEqual(['2023-03-02', '2023-03-03']);
  });

  it('reads a month in Chinese followed by part of it as that month', () => {
    expect(values('预计八月下旬完工，九月中旬验收', '2023-08-02')).toEqual(['2023-08', '2022-09']);
    const d = findDates(analyse('十一月上旬，全县', '2023-12-01'))[0];
    expect([d.text, d.value]).toEqual(['十一月上旬', '2023-11']);
    expect(values('三月，桃花开了', '2023-08-02')).toEqual([]);
  });
});


import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/nlp/analysis.ts';
import { findBylines } from '../../src/nlp/bylines.ts';

const body = '本报讯 3月1日，全县召开会议，部署全年工作。';
const credits = (text: string) => findBylines(analyse(text)).map((b) => `${b.role}:${b.name}`);

describe('findBylines', () => {
  it('reads credit lines at the end, one role per line', () => {
    expect(credits(`${body}\n\n记者 张明远\n通讯员 李华`)).toEqual(['记者:张明远', '通讯员:李华']);
  });

  it('credits the newspaper printed before a name', () => {
    expect(credits(`${body}\n\n记者 张明远\n河阳时报 王显文\n通讯员 赵辉 文/图`)).toEqual([
      '记者:张明远', '河阳时报:王显文', '通讯员:赵辉',
    ]);
  });

  it('reads several names and roles on one line, without 文/图', () => {
    expect(credits(`${body}\n\n记者 杨宜明 河阳时报 李显光 通讯员 赵辉 文/图`)).toEqual([
      '记者:杨宜明', '河阳时报:李显光', '通讯员:赵辉',
    ]);
    expect(credits(`${body}\n\n记者 姚辉明 / 通讯员 郑鸿斌 柴婧`)).toEqual(['记者:姚辉明', '通讯员:郑鸿斌', '通讯员:柴婧']);
  });

  it('does not cut a name that ends in 文', () => {
    expect(credits(`${body}\n\n河阳时报 李显文`)).toEqual(['河阳时报:李显文']);
  });

  it('finds a credit run on at the end of the last paragraph', () => {
    expect(credits(`${body}希望早日建成。记者 胡一鸣 通讯员 周立强`)).toEqual(['记者:胡一鸣', '通讯员:周立强']);
    expect(credits(`${body}希望早日建成。（记者 胡一鸣 通讯员 周立强）`)).toEqual(['记者:胡一鸣', '通讯员:周立强']);
    expect(credits(`${body}希望早日建成。(记者 胡一鸣)`)).toEqual(['记者:胡一鸣']);
  });

  it('reads an outlet glued to the role, editors\' credits and 本报讯 … 报道：', () => {
    expect(credits(`${body}\n\n白银日报见习记者 权晓明\n通讯员 巩得水`)).toEqual(['见习记者:权晓明', '通讯员:巩得水']);
    expect(credits(`${body}\n\n太和县融媒体中心记者 查文明\u3000通讯员 檀东明`)).toEqual(['记者:查文明', '通讯员:檀东明']);
    expect(credits(`${body}\n\n撰稿：石惠明\n摄影：吴德明\n编辑：杨一明\n审核：姚志明`)).toEqual(['撰稿:石惠明', '摄影:吴德明', '编辑:杨一明', '审核:姚志明']);
    expect(credits('本报讯 记者雷晓明 通讯员缪春明 报道：连日来，全县打响整治攻坚战。')).toEqual(['记者:雷晓明', '通讯员:缪春明']);
    expect(credits(`${body}\n\n来源：兰考县融媒体中心\u3000记者 凌霄明 通讯员 景瑞明`)).toEqual(['记者:凌霄明', '通讯员:景瑞明']);
  });

  it('finds credits at the start of the body', () => {
    expect(credits(`□晚报记者 周炜明\n\n${body}`)).toEqual(['记者:周炜明']);
    expect(credits('本报讯(记者 张明远 通讯员 李华)3月1日，全县召开会议。')).toEqual(['记者:张明远', '通讯员:李华']);
  });

  it('takes no prose for a credit', () => {
    expect(credits(`${body}\n\n记者看到，河水清了。`)).toEqual([]);
  });

  it('gives offsets into the text', () => {
    const text = `${body}\n\n记者 张明远`;
    const [b] = findBylines(analyse(text));
    expect(text.slice(b.start, b.end)).toBe('张明远');
  });

  it('reads a credit line of its own that opens the body with 报道： and no 讯', () => {
    const text = `河阳县召开大会\n\n记者韦晓雯、邵明杰报道：\n\n${body}`;
    expect(credits(text)).toEqual(['记者:韦晓雯', '记者:邵明杰']);
    for (const b of findBylines(analyse(text))) expect(text.slice(b.start, b.end)).toBe(b.name);
  });

  it('credits a contributor\'s unit in brackets after the last sentence or on the last line', () => {
    const run = `${body}（河阳县城关镇 廖文军 邵明杰）`;
    expect(credits(run)).toEqual(['河阳县城关镇:廖文军', '河阳县城关镇:邵明杰']);
    for (const b of findBylines(analyse(run))) expect(run.slice(b.start, b.end)).toBe(b.name);
    expect(credits(`${body}\n\n(河阳县农业农村局 韦晓雯)`)).toEqual(['河阳县农业农村局:韦晓雯']);
    // A bracket in a quotation is no credit.
    expect(credits(`他说：“我们村（王庄村 李四）变了。”`)).toEqual([]);
  });
  it('reads header credits behind a media group, its desk or its app', () => {
    expect(credits('本报讯(东川报业传媒集团全媒体新闻中心记者 王强 李红) 昨日，全县召开会议。')).toEqual(['记者:王强', '记者:李红']);
    expect(credits('本报讯(东报全媒体记者 赵刚)昨日，全县召开会议。')).toEqual(['记者:赵刚']);
    expect(credits(`东川日报·新东川客户端记者 周明 通讯员 吴亮\n\n${body}`)).toEqual(['记者:周明', '通讯员:吴亮']);
  });

  it('takes a misprinted role or a post ending in 员 as the role, never as a name', () => {
    expect(credits('某网讯(记者 孙丽 见习记者 钱进 通迅员 郑华)3月1日，全县召开会议。')).toEqual(['记者:孙丽', '见习记者:钱进', '通迅员:郑华']);
    expect(credits(`${body}\n\n记者 张明远 通信员 李华`)).toEqual(['记者:张明远', '通信员:李华']);
    expect(credits(`${body}\n\n记者 张明远 信息员 李华`)).toEqual(['记者:张明远', '信息员:李华']);
  });
});

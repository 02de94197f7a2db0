import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { joinCutParagraphs, normaliseLine, repairBody, repairParagraphs } from '../../src/article/repair.ts';

describe('normaliseLine', () => {
  it('turns full-width spaces, no-break spaces and &nbsp; into single spaces', () => {
    expect(normaliseLine('\u3000\u3000记者\u00a0\u00a0王明&nbsp;通讯员 李华 ')).toBe('记者 王明 通讯员 李华');
  });
});

describe('joinCutParagraphs', () => {
  it('joins a paragraph the layout cut in the middle of a word', () => {
    const out = joinCutParagraphs([
      '会议分为实地观摩、网上点评和讲评三个阶段。在实地观摩中，代表们察看了两个社区。在乡村振兴电子',
      '地图观摩中，每个乡镇随机抽取1个村进行点评。',
    ]);
    expect(out).toEqual(['会议分为实地观摩、网上点评和讲评三个阶段。在实地观摩中，代表们察看了两个社区。在乡村振兴电子地图观摩中，每个乡镇随机抽取1个村进行点评。']);
  });
  it('keeps paragraphs that end on punctuation apart', () => {
    expect(joinCutParagraphs(['会议强调，要压实责任。', '会议要求，要加强督导。'])).toHaveLength(2);
  });
  it('never joins short headings or byline lines', () => {
    const paras = ['一、强化组织领导', '各乡镇要成立专班，明确分工。', '记者 王明', '通讯员 李华 文/图'];
    expect(joinCutParagraphs(paras)).toEqual(paras);
  });
  it('does not join onto an indented piece or a list marker', () => {
    const cut = '今年以来，该县围绕产业发展，持续推进项目建设和招商引资工作';
    expect(joinCutParagraphs([cut, '\u3000\u3000新的一段开始了。'])).toHaveLength(2);
    expect(joinCutParagraphs([cut, '（一）强化保障。'])).toHaveLength(2);
  });
});

describe('repairBody', () => {
  it('gives blank-line separated paragraphs and keeps a byline block together', () => {
    const text = '\u3000\u3000本报讯 为推进工作，全县召开会议，部署任务并推进一\n\n遍检查。\r\n\r\n记者 王明\n通讯员 李华 文/图\n';
    expect(repairBody(text)).toBe('本报讯 为推进工作，全县召开会议，部署任务并推进一遍检查。\n\n记者 王明\n通讯员 李华 文/图');
  });
  it('repairParagraphs drops empty paragraphs', () => {
    expect(repairParagraphs(['\u3000', ' 第一段。 ', '&nbsp;'])).toBe('第一段。');
  });
});

describe('repairBody on the gold articles (read from ../shared when present)', () => {
  const gold = join(import.meta.dirname, '../../../shared/gold');
  const files = existsSync(gold) ? readdirSync(gold).filter((f) => /^(seed|dev)-\d+\.json$/.test(f)) : [];
  it.skipIf(files.length === 0)('only removes paragraph breaks, and joins the layout cuts of seed-1', () => {
    for (const f of files) {
      const text = JSON.parse(readFileSync(join(gold, f), 'utf8')).text as string;
      const repaired = repairBody(text);
      // No character of the text changes: repair only joins paragraphs (and drops empty ones).
      expect(repaired.replace(/\s+/g, ''), f).toBe(text.replace(/\s+/g, ''));
      if (f === 'seed-1.json') {
        expect(text.split('\n\n').length - repaired.split('\n\n').length).toBe(2);
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { listInputs, readInputs, fromPlainText, isIsoDate } from '../../src/input/read.ts';
import { tempDir } from '../helpers.ts';

const dir = tempDir();

describe('reading input files', () => {
  it('takes a short first line as the title and joins paragraphs the layout cut', () => {
    const a = fromPlainText('测试标题\n\n本报讯 此次观摩讲评分为三个阶段，在党建电子\n\n沙盘观摩中，每个乡镇随机抽取1个村。\n\n记者 王明', 'x', 'x.txt', {});
    expect(a.title).toBe('测试标题');
    expect(a.body).toBe('本报讯 此次观摩讲评分为三个阶段，在党建电子沙盘观摩中，每个乡镇随机抽取1个村。\n\n记者 王明');
  });

  it('does not take a first sentence for a title', () => {
    const a = fromPlainText('县长张三出席会议。\n\n会议强调落实。', 'x', 'x.txt', {});
    expect(a.title).toBe('');
  });

  it('finds the publication date in a file name', () => {
    expect(fromPlainText('正文。', 'x', '/a/2017-11-02_01.txt', {}).published).toBe('2017-11-02');
    expect(fromPlainText('正文。', 'x', '/a/20171102.txt', {}).published).toBe('2017-11-02');
    expect(fromPlainText('正文。', 'x', '/a/20171350.txt', {}).published).toBeUndefined();
  });

  it('lists directories recursively in a stable order, skipping other files quietly', () => {
    mkdirSync(join(dir, 'd', 'b'), { recursive: true });
    writeFileSync(join(dir, 'd', 'b', '2.json'), '{}');
    writeFileSync(join(dir, 'd', '1.txt'), '正文。');
    writeFileSync(join(dir, 'd', 'readme.md'), '#');
    writeFileSync(join(dir, 'odd.md'), '#');
    expect(listInputs([join(dir, 'd'), join(dir, 'odd.md')])).toEqual([
      { file: join(dir, 'd', '1.txt') },
      { file: join(dir, 'd', 'b', '2.json') },
      { file: join(dir, 'odd.md'), error: 'unsupported file type ".md" (use .txt, .html, .json or .jsonl)' },
    ]);
  });

  it('reports a JSON article without text, and keeps the good lines of a .jsonl', () => {
    writeFileSync(join(dir, 'a.jsonl'), '{"id":"1","text":"正文一。"}\n{"id":"2"}\n\n{"id":"3","text":"正文三。","published":"2021-02-29"}\n');
    const items = [...readInputs([join(dir, 'a.jsonl')])];
    expect(items.map((i) => (i.ok ? i.article.id : i.error))).toEqual(['1', 'missing or empty "text" field', 'invalid "published" date "2021-02-29" (want YYYY-MM-DD)']);
  });

  it('knows real calendar days', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-2-1')).toBe(false);
  });
});

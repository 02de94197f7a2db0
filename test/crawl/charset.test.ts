import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { charsetDecoder, decodePage } from '../../src/crawl/charset.ts';

const gbk = (s: string) => iconv.encode(s, 'gbk');

describe('decodePage', () => {
  it('follows the HTTP header first', () => {
    const r = decodePage(gbk('<p>新郑时报</p>'), 'text/html; charset=GBK');
    expect(r).toMatchObject({ ok: true, text: '<p>新郑时报</p>', encoding: 'gb18030' });
  });
  it('then the meta declaration, decoding GB2312 as GB18030 so 〇 survives', () => {
    const r = decodePage(gbk('<meta charset="gb2312"><p>记者 程晓〇</p>'), 'text/html');
    expect(r.ok && r.text).toContain('程晓〇');
  });
  it('then http-equiv Content-Type', () => {
    const r = decodePage(gbk('<meta http-equiv="Content-Type" content="text/html; charset=gbk"><p>荥阳</p>'), null);
    expect(r.ok && r.text).toContain('荥阳');
  });
  it('then a byte-order mark', () => {
    const r = decodePage(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<p>巩义</p>')]), null);
    expect(r).toMatchObject({ ok: true, text: '<p>巩义</p>', encoding: 'utf-8' });
  });
  it('then sniffing: undeclared GBK is recognised', () => {
    const r = decodePage(gbk('<p>登封时报报道，全市召开会议。</p>'), 'text/html');
    expect(r).toMatchObject({ ok: true, encoding: 'gb18030' });
  });
  it('a page wrongly labelled UTF-8 is decoded by what it is, with a note', () => {
    const r = decodePage(gbk('<p>中牟时报</p>'), 'text/html; charset=utf-8');
    expect(r.ok && r.text).toBe('<p>中牟时报</p>');
    expect(r.ok && r.note).toMatch(/not UTF-8/);
  });
  it('an unknown charset that sniffing cannot rescue is an error with the label in it', () => {
    const r = decodePage(Buffer.from([0x3c, 0xff, 0xfe, 0xfd, 0x81, 0x20]), 'text/html; charset=x-klingon');
    expect(r).toEqual({ ok: false, error: expect.stringContaining('x-klingon') });
  });
  it('maps every GB label to GB18030', () => {
    for (const l of ['gb2312', 'GBK', 'x-gbk', 'GB18030', 'cp936']) expect(charsetDecoder(l)).toBe('gb18030');
    expect(charsetDecoder('no-such-charset')).toBeUndefined();
  });
});

import iconv from 'iconv-lite';

export type Decoded = { text: string; encoding: string } | { error: string };

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Bytes of a text file to a string. UTF-8 (with or without BOM) first; failing that,
 * GB18030 (a superset of GBK and GB2312, so 〇 and rare name characters survive),
 * accepted only when the result reads as Chinese. A NUL byte means binary.
 */
export function decodeText(buf: Buffer): Decoded {
  if (buf.length === 0) return { error: 'empty file' };
  if (buf.subarray(0, 8192).includes(0)) return { error: 'binary file, not text' };
  try {
    const text = UTF8.decode(buf);
    return { text: text.replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch {
    const text = iconv.decode(buf, 'gb18030');
    const cjk = (text.match(/[\u4e00-\u9fff]/g) ?? []).length;
    const bad = (text.match(/\uFFFD/g) ?? []).length;
    if (cjk > 0 && bad === 0) return { text, encoding: 'gb18030' };
    return { error: 'not UTF-8 text, and not GBK/GB18030 either' };
  }
}

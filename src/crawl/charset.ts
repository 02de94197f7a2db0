// Bytes of a fetched page to text. Order of evidence: the HTTP header, then a
// <meta> declaration, then a byte-order mark, then sniffing. Chinese sites label
// pages GB2312 while using characters outside it (〇, rare name characters), so
// every GB label decodes as GB18030, its superset.
import iconv from 'iconv-lite';
import { decodeText } from '../input/decode.ts';

export type Decoded = { ok: true; text: string; encoding: string; note?: string } | { ok: false; error: string };

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Canonical decoder name for a declared label, or undefined when we cannot decode it. */
export function charsetDecoder(label: string): string | undefined {
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (/^(utf-?8|unicode-1-1-utf-8)$/.test(l)) return 'utf-8';
  if (/^(gb2312|gbk|gb18030|x-gbk|cp936|euc-cn|gb_2312-80|csgb2312|chinese)$/.test(l)) return 'gb18030';
  if (/^(iso-8859-1|latin1|us-ascii|ascii|windows-1252)$/.test(l)) return 'windows-1252';
  return iconv.encodingExists(l) ? l : undefined;
}

/** `charset=` in a Content-Type value. */
export function charsetFromContentType(ct: string | null | undefined): string | undefined {
  const m = ct ? /charset\s*=\s*["']?([\w.:-]+)/i.exec(ct) : null;
  return m ? m[1] : undefined;
}

/** `<meta charset=…>` or `<meta http-equiv="Content-Type" content="…charset=…">` in the first 4 KB. */
export function charsetFromMeta(buf: Buffer): string | undefined {
  const head = buf.subarray(0, 4096).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return m ? m[1] : undefined;
}

function bomCharset(buf: Buffer): string | undefined {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return 'utf-8';
  if (buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
  if (buf[0] === 0xfe && buf[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** Valid UTF-8 is UTF-8; otherwise GB18030 when that decodes cleanly into Chinese (the rule input files follow too). */
function sniff(buf: Buffer): string | undefined {
  const d = decodeText(buf);
  return 'error' in d ? undefined : d.encoding;
}

export function decodePage(buf: Buffer, contentType?: string | null): Decoded {
  const declared = charsetFromContentType(contentType) ?? charsetFromMeta(buf);
  const bom = bomCharset(buf);
  let encoding: string | undefined;
  let note: string | undefined;
  if (bom) encoding = bom; // A BOM is stronger than a label written by a template.
  else if (declared) {
    encoding = charsetDecoder(declared);
    if (!encoding) {
      encoding = sniff(buf);
      if (!encoding) return { ok: false, error: `unknown charset "${declared}" and the bytes are neither UTF-8 nor GBK` };
      note = `unknown charset "${declared}", decoded as ${encoding} by sniffing`;
    }
  } else {
    encoding = sniff(buf) ?? 'utf-8';
  }
  // A page labelled UTF-8 that is not (a GBK page behind a wrong server default) is decoded by sniffing.
  if (encoding === 'utf-8' && !bom) {
    try {
      UTF8.decode(buf);
    } catch {
      const s = sniff(buf);
      if (s && s !== 'utf-8') {
        note = `labelled ${declared ?? 'utf-8'} but not UTF-8; decoded as ${s}`;
        encoding = s;
      }
    }
  }
  const text = iconv.decode(buf, encoding).replace(/^\uFEFF/, '');
  return note ? { ok: true, text, encoding, note } : { ok: true, text, encoding };
}

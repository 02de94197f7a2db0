/**
 * Character classes as tables indexed by UTF-16 code, for the scans that test every
 * character of every article: a table read costs less than a regex test or a Set
 * lookup on a one-character string (which has to be built first).
 */

/** A table with 1 at the code of every character of `chars` (all in the BMP). */
export function codeTable(chars: string): Uint8Array {
  const t = new Uint8Array(0x10000);
  for (let i = 0; i < chars.length; i++) t[chars.charCodeAt(i)] = 1;
  return t;
}

/**
 * Exactly the code units JavaScript's `\s` matches: the spec's WhiteSpace (tab, vertical
 * tab, form feed, space, no-break space, BOM, the Unicode space separators) and
 * LineTerminator (LF, CR, U+2028, U+2029). test/nlp/chars.test.ts checks it against `\s`.
 */
export const SPACE = codeTable('\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff');

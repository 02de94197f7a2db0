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

/** Exactly the code units JavaScript's `\s` matches. */
export const SPACE = (() => {
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) if (/\s/.test(String.fromCharCode(c))) t[c] = 1;
  return t;
})();

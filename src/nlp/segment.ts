import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { DICT_DIR } from '../paths.ts';

const require = createRequire(import.meta.url);
// nodejieba is CommonJS; it loads its native addon on first use.
const jieba = require('nodejieba') as {
  load(opts: { userDict?: string }): void;
  cut(text: string, hmm?: boolean): string[];
  tag(text: string): { word: string; tag: string }[];
  insertWord(word: string, tag?: string): boolean;
};

export interface Token {
  word: string;
  /** UTF-16 offsets into the segmented text. */
  start: number;
  end: number;
}

let loaded = false;

/**
 * Loads jieba once with every `*.dict.utf8` user dictionary under data/dict
 * (titles, organ suffixes, names of places). cppjieba takes several user
 * dictionaries joined by `|`.
 */
export function loadJieba(): void {
  if (loaded) return;
  const dicts = existsSync(DICT_DIR)
    ? readdirSync(DICT_DIR).filter((f) => f.endsWith('.dict.utf8')).sort().map((f) => join(DICT_DIR, f))
    : [];
  jieba.load(dicts.length ? { userDict: dicts.join('|') } : {});
  loaded = true;
}

/** jieba words with HMM on (it finds out-of-dictionary names), each with its offsets. */
export function segment(text: string): Token[] {
  loadJieba();
  const words = jieba.cut(text, true);
  const out: Token[] = new Array(words.length);
  let pos = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    out[i] = { word: w, start: pos, end: pos + w.length };
    pos += w.length;
  }
  return out;
}

/**
 * Index of the token covering UTF-16 offset `pos`, or -1 outside the text. Tokens
 * tile the text in order, so a binary search over their starts finds it: cheaper
 * than an offset table per article when an extractor looks up only a few positions.
 */
export function tokenIndexAt(tokens: Token[], pos: number): number {
  if (pos < 0 || !tokens.length || pos >= tokens[tokens.length - 1].end) return -1;
  let lo = 0, hi = tokens.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tokens[mid].start <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Plain jieba words (HMM on), for indexing: the same cut the search side uses. */
export function cutWords(text: string): string[] {
  loadJieba();
  return jieba.cut(text, true);
}

/** jieba's POS tags. Unknown words come back as `x`, so never rely on `nr` alone. */
export function tagWords(text: string): { word: string; tag: string }[] {
  loadJieba();
  return jieba.tag(text);
}

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

export type { Token } from '../tokens.ts';
export { tokenIndexAt } from '../tokens.ts';
import type { Token } from '../tokens.ts';

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

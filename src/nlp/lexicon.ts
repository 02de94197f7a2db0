import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * What jieba's own dictionary (the one nodejieba segments with) knows about words,
 * which `cut` does not report: which words are person names (nr, nrt for foreign
 * names), which are places (ns), and which two-character words are frequent.
 * The name recogniser needs it to tell 周恩来 and 克林顿 (names) from 莫斯科 (a
 * place) and 和平 (a word). Read once, on first use, from nodejieba's package.
 */
/** What jieba's dictionary says of a word: a set of these bits (0 when it does not know it). */
export const WORD = 1; // an entry not tagged as a name (short ones, or frequent long ones)
export const NAME = 2; // tagged nr, nrt or nrfg
export const FAMOUS = 4; // a name of three or more characters, frequent enough to be famous (钱其琛, 克林顿)
// A rare entry of three or more characters, whatever its tag: jieba's tags are unreliable
// there (舒圣佑 is tagged v, 黄豆粉 nr), but rare three-character units are mostly names.
export const RARE = 8;
export const PLACE = 16; // tagged ns
export const COMMON = 32; // two characters, frequent in general text, or a place
// Two Chinese characters, very frequent, and no kind of name (ns, nr, nt, nz…): the words that
// end an organisation's name on its left (完成|农村, 调研|鸿畅镇), used by orgs.ts.
export const EVERYDAY = 64;

export interface Lexicon {
  /** One lookup per word: the scans test many candidate strings. */
  kinds: Map<string, number>;
}

/** jieba's frequency above which a two-character word counts as an everyday word. */
const COMMON_FREQ = 150;
/** …and the frequency above which a word tagged nr is an everyday word all the same. */
const COMMON_NAME_FREQ = 1000;
/** Below this frequency a word of three or more characters tells nothing by its tag. */
const RARE_FREQ = 50;
/** Frequency from which a two-character word is EVERYDAY. */
const EVERYDAY_FREQ = 300;
const NAME_LIKE_TAGS = /^(?:ns|nr|nrt|nrfg|nt|nz)$/;
const TWO_HAN = /^[\u4e00-\u9fff]{2}$/;

let lexicon: Lexicon | undefined;

function dictPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('nodejieba/package.json')), 'submodules/cppjieba/dict/jieba.dict.utf8');
}

export function jiebaLexicon(): Lexicon {
  if (lexicon) return lexicon;
  const kinds = new Map<string, number>();
  let text = '';
  try {
    text = readFileSync(dictPath(), 'utf8');
  } catch {
    // Without the dictionary file the recogniser still works from its character model.
  }
  let pos = 0;
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const s2 = text.lastIndexOf(' ', nl - 1);
    const s1 = s2 > pos ? text.lastIndexOf(' ', s2 - 1) : -1;
    if (s1 >= pos) {
      const word = text.slice(pos, s1);
      const tag = text.slice(s2 + 1, nl).trim();
      const freq = Number(text.slice(s1 + 1, s2));
      const isName = tag === 'nr' || tag === 'nrt' || tag === 'nrfg';
      let k = isName ? NAME : 0;
      if (word.length >= 3 && freq < RARE_FREQ) k |= RARE;
      else if (!isName) k |= WORD;
      else if (word.length >= 3) k |= FAMOUS;
      if (tag === 'ns') k |= PLACE;
      // jieba tags many everyday words nr (文明, 卫星, 智慧); a very frequent one is a word.
      if (word.length === 2 && (tag === 'ns' || freq >= (isName ? COMMON_NAME_FREQ : COMMON_FREQ))) k |= COMMON;
      if (freq >= EVERYDAY_FREQ && !NAME_LIKE_TAGS.test(tag) && TWO_HAN.test(word)) k |= EVERYDAY;
      kinds.set(word, (kinds.get(word) ?? 0) | k);
    }
    pos = nl + 1;
  }
  lexicon = { kinds };
  return lexicon;
}

/** The bits of `word` (see WORD … EVERYDAY). */
export function wordKind(word: string): number {
  return jiebaLexicon().kinds.get(word) ?? 0;
}

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
export interface Lexicon {
  /** Person names and their tag: `nr` (Chinese), `nrt` (transliterated), `nrfg`. */
  names: Map<string, string>;
  places: Set<string>;
  /** Two-character words frequent in general text, and two-character places. */
  common: Set<string>;
  /** Every other word of the dictionary: a token in here is no HMM guess. Words of three or more characters only when frequent. */
  words: Set<string>;
  /** Names of three or more characters frequent enough to be famous (钱其琛, 克林顿). */
  famous: Set<string>;
  /**
   * Rare entries of three or more characters, whatever their tag: jieba's tags are
   * unreliable there (舒圣佑 is tagged v, 黄豆粉 nr), but rare three-character units
   * are mostly names.
   */
  rare: Set<string>;
}

/** jieba's frequency above which a two-character word counts as an everyday word. */
const COMMON_FREQ = 150;
/** …and the frequency above which a word tagged nr is an everyday word all the same. */
const COMMON_NAME_FREQ = 1000;
/** Below this frequency a word of three or more characters tells nothing by its tag. */
const RARE_FREQ = 50;

let lexicon: Lexicon | undefined;

function dictPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('nodejieba/package.json')), 'submodules/cppjieba/dict/jieba.dict.utf8');
}

export function jiebaLexicon(): Lexicon {
  if (lexicon) return lexicon;
  const lex: Lexicon = { names: new Map(), places: new Set(), common: new Set(), words: new Set(), famous: new Set(), rare: new Set() };
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
      if (isName) lex.names.set(word, tag);
      const long = word.length >= 3;
      if (long && freq < RARE_FREQ) lex.rare.add(word);
      else if (isName) {
        if (long) lex.famous.add(word);
      } else lex.words.add(word);
      if (tag === 'ns') lex.places.add(word);
      // jieba tags many everyday words nr (文明, 卫星, 智慧); a very frequent one is a word.
      if (word.length === 2 && (tag === 'ns' || freq >= (isName ? COMMON_NAME_FREQ : COMMON_FREQ))) lex.common.add(word);
    }
    pos = nl + 1;
  }
  lexicon = lex;
  return lex;
}

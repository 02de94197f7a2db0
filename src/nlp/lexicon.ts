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
// Tagged v (a verb, not a verbal noun: 学习, 传达, 讨论; not 建设, 管理). The words that
// stop a title's organisation prefix on its left (传达学习|省委常委), used by officials.ts.
export const VERB = 128;

/**
 * jieba's 349k words as an open-addressing hash table over typed arrays. The name scans
 * look up about a hundred strings an article, nearly each a cache miss in a Map that
 * large (bucket, entry, key string); here a slot holds the word's place, length, bits
 * and a fingerprint of its hash side by side, so a miss costs one read and a hit two.
 */
export interface Lexicon {
  /** Two per slot: 1 + offset of the word in `chars` (0: empty), then fingerprint << 16 | length << 8 | bits. */
  slots: Int32Array;
  /** The words' UTF-16 code units, one after another. */
  chars: Uint16Array;
  /** log2 of the number of slots. */
  bits: number;
  /** The longest word: longer strings are never looked up. */
  longest: number;
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
  let text = '';
  try {
    text = readFileSync(dictPath(), 'utf8');
  } catch {
    // Without the dictionary file the recogniser still works from its character model.
  }
  let lines = 0;
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) lines++;
  // At most half the slots full keeps the probe runs short.
  let bits = 10;
  while (1 << bits < 2 * lines) bits++;
  const lex: Lexicon = { slots: new Int32Array(2 << bits), chars: new Uint16Array(text.length), bits, longest: 0 };
  let used = 0;
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
      if (tag === 'v') k |= VERB;
      // jieba tags many everyday words nr (文明, 卫星, 智慧); a very frequent one is a word.
      if (word.length === 2 && (tag === 'ns' || freq >= (isName ? COMMON_NAME_FREQ : COMMON_FREQ))) k |= COMMON;
      if (freq >= EVERYDAY_FREQ && !NAME_LIKE_TAGS.test(tag) && TWO_HAN.test(word)) k |= EVERYDAY;
      const slot = find(lex, word);
      if (slot < 0) {
        const free = ~slot;
        for (let c = 0; c < word.length; c++) lex.chars[used + c] = word.charCodeAt(c);
        lex.slots[2 * free] = used + 1;
        lex.slots[2 * free + 1] = tagOf(hashOf(word), word.length) | k;
        used += word.length;
        lex.longest = Math.max(lex.longest, word.length);
      } else lex.slots[2 * slot + 1] |= k;
    }
    pos = nl + 1;
  }
  lexicon = { ...lex, chars: lex.chars.slice(0, used) };
  return lexicon;
}

/** FNV-1a over the UTF-16 code units, finished with murmur3's mix so every bit depends on every unit. */
function hashOf(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The second word of a slot without its bits: the hash's low 16 bits as fingerprint, and the length (8 bits: jieba's longest word has 16 characters). */
function tagOf(hash: number, length: number): number {
  return (hash << 16) | (length << 8);
}

/** The slot holding `word`, or ~(the empty slot where it would go). The top bits of the hash pick the first slot. */
function find(lex: Lexicon, word: string, h = hashOf(word)): number {
  const tag = tagOf(h, word.length);
  const mask = (1 << lex.bits) - 1;
  for (let s = h >>> (32 - lex.bits); ; s = (s + 1) & mask) {
    const at = lex.slots[2 * s];
    if (at === 0) return ~s;
    if ((lex.slots[2 * s + 1] & ~0xff) !== tag) continue;
    let same = true;
    for (let c = 0; c < word.length && same; c++) same = lex.chars[at - 1 + c] === word.charCodeAt(c);
    if (same) return s;
  }
}

/**
 * The last answers, four Int32 per entry placed by hash: the characters (two to an Int32),
 * the length + 1 (0: empty) and the bits. News repeats its words (安全, 项目, 亿元), and a
 * hit reads one line of these 64 KB instead of a slot and the characters in the table,
 * which jieba's own tables push out of the cache between two articles. Only words of up
 * to four characters, nearly all the lookups, so that an entry holds the whole word.
 */
const RECENT = 4096;
const recent = new Int32Array(4 * RECENT);

/** Two UTF-16 units of `word` from `i` in one Int32; 0 for units past its end. */
function pairAt(word: string, i: number): number {
  return word.charCodeAt(i) | (word.charCodeAt(i + 1) << 16);
}

/** The bits of `word` (see WORD … VERB). */
export function wordKind(word: string): number {
  const lex = jiebaLexicon();
  if (word.length > lex.longest) return 0;
  const h = hashOf(word);
  if (word.length > 4) return kindIn(lex, find(lex, word, h));
  const e = 4 * (h & (RECENT - 1));
  const lo = pairAt(word, 0), hi = pairAt(word, 2);
  if (recent[e + 2] === word.length + 1 && recent[e] === lo && recent[e + 1] === hi) return recent[e + 3];
  const kind = kindIn(lex, find(lex, word, h));
  recent[e] = lo;
  recent[e + 1] = hi;
  recent[e + 2] = word.length + 1;
  recent[e + 3] = kind;
  return kind;
}

/** The bits of the word at `slot`; 0 when find found none (a negative slot). */
function kindIn(lex: Lexicon, slot: number): number {
  return slot < 0 ? 0 : lex.slots[2 * slot + 1] & 0xff;
}

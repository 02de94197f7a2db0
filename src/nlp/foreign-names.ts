import type { Token } from './segment.ts';
import { looksTransliterated, placeLengthAt, type NameModel } from './names.ts';
import { COMMON, NAME, PLACE, RARE, WORD, wordKind } from './lexicon.ts';
import { headAt, headEndingAt } from './titles.ts';
import { codeTable } from './chars.ts';
import { ADDRESSED_AFTER, FUNCTION_CHAR, HAN_WORD, hasLeftCue, hasRightCue, hasTitleBefore, PLACE_SUFFIX, ROLE_BEFORE, SPEECH_AFTER, SPEECH_LAST } from './name-cues.ts';
import { ACCEPT, type Candidate, type TokenIndex } from './chinese-names.ts';

/**
 * Names that are not a Chinese surname and given name: transliterations (克林顿),
 * names with a middle dot (司马义·艾买提), Tibetan and Mongolian names (次仁卓玛) and
 * Japanese names (桥本龙太郎).
 */

/**
 * Transliterated names (克林顿, 拉吉夫·甘地): runs of whole jieba words written only
 * in the characters transliteration uses. A run jieba's dictionary holds as a word
 * (麦当劳, 穆斯林) or knows as a place is none; one it knows as a name is; one it
 * does not know needs a cue around it (总统, 说, a list) or the · of a full name.
 */
export function foreignNames(m: NameModel, text: string, tokens: Token[]): Candidate[] {
  const out: Candidate[] = [];
  const letters = (w: string) => looksTransliterated(m, w) && !isDot(w);
  let k = 0;
  while (k < tokens.length) {
    // Its first character, read from the text, rules out most tokens without touching their word.
    if (!m.foreignByCode[text.charCodeAt(tokens[k].start)] || !letters(tokens[k].word)) {
      k++;
      continue;
    }
    // Names written with a dot are dottedNames' work: a run stops at the dot.
    let e = k;
    while (e + 1 < tokens.length && letters(tokens[e + 1].word)) e++;
    let start = tokens[k].start;
    const end = tokens[e].end;
    // jieba's HMM glues a preposition to the first syllable of a name it does not know
    // (据萨卡|什维利, 据布|林肯): the syllable belongs to the name.
    const prev = k > 0 ? tokens[k - 1].word : '';
    if (prev.length >= 2 && GLUED_BEFORE.test(prev[0]) && !wordKind(prev) && letters(prev.slice(1))) start = tokens[k - 1].start + 1;
    const name = text.slice(start, end);
    k = e + 1;
    const kind = wordKind(name);
    const listedPlace = placeLengthAt(m, text, start) >= end - start;
    // A public title right before and speech, an action or punctuation after make a
    // person even of a word or a place (秘书长安南在…, 总统府 has no such cue); so does
    // speech after a clause boundary (奥巴马说), unless the run is a place of the model's list.
    const titled = (headEndingAt(text, start) || ROLE_BEFORE.test(text.slice(Math.max(0, start - 3), start))) && hasRightCue(text, end);
    const speaker = !listedPlace && hasLeftCue(text, start) && SPEECH_AFTER.test(text.slice(end, end + 2));
    const trusted = titled || speaker;
    // jieba's place tag on a rare entry (巴沙尔) is as unreliable as its other tags there.
    if (name.length < 2 || (!titled && listedPlace) || (!trusted && (kind & (PLACE | RARE)) === PLACE)) continue;
    // 乌兰察布|市: a run a place suffix follows is that place.
    if (!trusted && end < text.length && PLACE_SUFFIX[text.charCodeAt(end)]) continue;
    const known = (kind & NAME) !== 0;
    const cued = hasLeftCue(text, start) || hasRightCue(text, end);
    // Two characters (利维, 布什) need a title before them, or jieba's name tag and a cue.
    if (name.length === 2 && !trusted && !(hasTitleBefore(text, start) && !(kind & (WORD | COMMON))) && !(known && cued && !(kind & (WORD | COMMON)))) continue;
    if (!known && !trusted && kind & (WORD | COMMON)) continue;
    // A frequent word inside the run (阿|根据) makes it no name; a one-character country
    // abbreviation (埃|尔多|安) or a rare entry does not.
    let hasWord = false;
    for (let j = k - 1; j >= 0 && tokens[j].start >= start; j--) {
      const w = tokens[j].word;
      if (w.length >= 2 && wordKind(w) & COMMON) hasWord = true;
    }
    if (hasWord && !known && !trusted) continue;
    // Cued on both sides, a run of three or more letters outweighs a Chinese reading of its tail (博|雷利).
    const both = name.length >= 3 && hasLeftCue(text, start) && hasRightCue(text, end);
    if (cued) out.push({ name, start, end, score: ACCEPT + (known || trusted ? 1 : 0.3) + (both ? 1 : 0) });
  }
  return out;
}


// A middle dot as a whole token; tested on every token, so no regex.
const isDot = (w: string) => w.length === 1 && (w === '·' || w === '•' || w === '・');
const ANY_DOT = /[·•・]/;
// Prepositions and verbs jieba's HMM glues to the first syllable of an unknown name.
const GLUED_BEFORE = /[据同和与向对见了给让把被由跟及]/;
const NUMERAL_WORD = /^[一二三四五六七八九十〇零]+$/;
/** Longest side of a dotted name (穆罕默德, 阿旺晋美). */
const MAX_DOTTED_PART = 6;

/**
 * Whether a jieba word one step away from the dot can still be part of the name
 * (鲍里斯·尼古拉耶维奇·叶利钦): a name jieba knows, or transliteration letters that make no
 * frequent word (他同, 这是 and 先生 stop the name).
 */
function dottedPart(m: NameModel, word: string): boolean {
  if (!HAN_WORD.test(word) || NUMERAL_WORD.test(word)) return false;
  const kind = wordKind(word);
  return (kind & NAME) !== 0 || (looksTransliterated(m, word) && !(kind & (COMMON | PLACE)) && headAt(word, 0) === undefined);
}

/**
 * Names written with a middle dot (司马义·艾买提, 拉吉夫·甘地, 阿沛·阿旺晋美): Uyghur,
 * Tibetan and Western full names. The dot itself is the cue: the word touching it on
 * each side belongs to the name whatever it is (甘地 is a word too), unless a title or
 * a numeral; further words only when they look like a name (dottedPart).
 */
export function dottedNames(m: NameModel, text: string, tokens: Token[]): Candidate[] {
  const out: Candidate[] = [];
  if (!ANY_DOT.test(text)) return out;
  // The word touching the dot may be anything but a title or a numeral (拉吉夫·甘地: 甘地 is a word too).
  const touching = (w: string) => HAN_WORD.test(w) && w.length <= MAX_DOTTED_PART && !NUMERAL_WORD.test(w) && headAt(w, 0) === undefined;
  const part = (w: string, next: boolean) => (next ? touching(w) : dottedPart(m, w));
  for (let k = 1; k < tokens.length - 1; k++) {
    if (!isDot(tokens[k].word)) continue;
    // 中国·郑州: two places are no name.
    const place = (w: string) => (wordKind(w) & (PLACE | RARE)) === PLACE;
    if (place(tokens[k - 1].word) && place(tokens[k + 1].word)) continue;
    let s = k, chars = 0;
    while (s > 0 && part(tokens[s - 1].word, s === k) && chars + tokens[s - 1].word.length <= MAX_DOTTED_PART) chars += tokens[--s].word.length;
    if (s === k) continue;
    let e = k;
    for (;;) {
      let j = e, len = 0;
      while (j + 1 < tokens.length && part(tokens[j + 1].word, j === e) && len + tokens[j + 1].word.length <= MAX_DOTTED_PART) len += tokens[++j].word.length;
      if (j === e) break;
      e = j;
      if (!(e + 2 < tokens.length && isDot(tokens[e + 1].word))) break;
      e++;
    }
    if (e === k || isDot(tokens[e].word)) continue;
    const start = tokens[s].start;
    let end = tokens[e].end;
    // jieba's HMM glues the verb to the last syllable of a name it does not know (拉拉|基说,
    // 拉拉基说): the syllable belongs to the name, the verb does not.
    const glued = (w: string) => HAN_WORD.test(w) && !wordKind(w) && w.length >= 2 && SPEECH_LAST.test(w.slice(-1));
    if (glued(tokens[e].word)) end--;
    else if (e + 1 < tokens.length && tokens[e + 1].word.length === 2 && glued(tokens[e + 1].word)) end = tokens[e + 1].end - 1;
    // The dot decides: the whole name wins over any part of it read as a Chinese name (司马义).
    out.push({ name: text.slice(start, end), start, end, score: ACCEPT + 10 });
    k = e;
  }
  return out;
}

/**
 * Tibetan and Mongolian names: two elements of the model's lists run together (次仁卓玛,
 * 洛桑江村, 萨仁高娃) with a cue on either side, or one element alone after a title or
 * before speech (格桑说, 旗委书记朝鲁门带队).
 */
// First characters of the Japanese family names and the name elements: the scans
// run over every token or character, and a first-character check spares most slices.
let japaneseFirst: Uint8Array | undefined;
let elementFirst: Uint8Array | undefined;
// …and their second characters: the first ones (高, 中, 小, 巴) are frequent in any text.
let japaneseSecond: Uint8Array | undefined;
let elementSecond: Uint8Array | undefined;

/** The length of the longest name element (two or three characters) at `i`, 0 for none. */
function elementAt(m: NameModel, text: string, i: number): number {
  for (let n = 3; n >= 2; n--) if (i + n <= text.length && m.elements.has(text.slice(i, i + n))) return n;
  return 0;
}

export function elementNames(m: NameModel, text: string): Candidate[] {
  const out: Candidate[] = [];
  const first = (elementFirst ??= codeTable([...m.elements].map((w) => w[0]).join('')));
  const second = (elementSecond ??= codeTable([...m.elements].map((w) => w[1]).join('')));
  for (let i = 0; i + 2 <= text.length; i++) {
    if (!first[text.charCodeAt(i)] || !second[text.charCodeAt(i + 1)]) continue;
    const a = elementAt(m, text, i);
    if (!a) continue;
    const b = elementAt(m, text, i + a);
    if (b && (hasLeftCue(text, i) || hasRightCue(text, i + a + b))) {
      out.push({ name: text.slice(i, i + a + b), start: i, end: i + a + b, score: ACCEPT + 2 });
      i += a + b - 1;
    } else if (!(wordKind(text.slice(i, i + a)) & (COMMON | PLACE)) && (headEndingAt(text, i) || ADDRESSED_AFTER.test(text.slice(i + a, i + a + 2))) && hasRightCue(text, i + a)) {
      out.push({ name: text.slice(i, i + a), start: i, end: i + a, score: ACCEPT + 0.5 });
    }
  }
  return out;
}


/**
 * Japanese names (桥本龙太郎, 小渊惠三, 村山富市): a family name of the model's list and a
 * given name of two or three characters (one only when jieba holds the whole name as a
 * word), ending where jieba's words end and a cue follows (说, 首相, a date, punctuation).
 */
export function japaneseNames(m: NameModel, text: string, tokens: Token[], ix: TokenIndex): Candidate[] {
  const out: Candidate[] = [];
  const first = (japaneseFirst ??= codeTable([...m.japanese].map((w) => w[0]).join('')));
  const second = (japaneseSecond ??= codeTable([...m.japanese].map((w) => w[1]).join('')));
  for (const t of tokens) {
    const i = t.start;
    if (!first[text.charCodeAt(i)] || !second[text.charCodeAt(i + 1)]) continue;
    for (let n = 3; n >= 2; n--) {
      if (!m.japanese.has(text.slice(i, i + n))) continue;
      for (let g = 3; g >= 1; g--) {
        const end = i + n + g;
        if (end > text.length || !ix.boundary[end]) continue;
        const name = text.slice(i, end);
        const given = name.slice(n);
        // 桥本首相, 小渊表示: a title or a word after the family name is no given name.
        if (!HAN_WORD.test(given) || FUNCTION_CHAR.test(given) || headAt(given, 0) !== undefined || wordKind(given) & (WORD | COMMON)) continue;
        const kind = wordKind(name);
        if (g === 1 && !(t.end === end && kind & (NAME | RARE))) continue;
        // A frequent word of the dictionary (中山大学 is cut apart anyway) is no name.
        if (kind & (WORD | COMMON) && !(kind & (NAME | RARE))) continue;
        // A cue after it, or a title before a name jieba holds whole (首相|小渊惠三|举行).
        if (!hasRightCue(text, end) && !(headEndingAt(text, i) && t.end === end && kind & (NAME | RARE))) continue;
        out.push({ name, start: i, end, score: ACCEPT + (hasLeftCue(text, i) ? 1.5 : 1) });
        break;
      }
      // 桥本首相: the family name alone before a title, unless it is a place (中山市长).
      const family = text.slice(i, i + n);
      if (t.end === i + n && !(wordKind(family) & PLACE) && headAt(text, i + n) !== undefined) out.push({ name: family, start: i, end: i + n, score: ACCEPT + 0.5 });
    }
  }
  return out;
}


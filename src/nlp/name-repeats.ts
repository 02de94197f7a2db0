import type { FoundPerson } from './analysis.ts';
import { givenScore, surnameAt, type NameModel } from './names.ts';
import { COMMON, PLACE, WORD, wordKind } from './lexicon.ts';
import { ADDRESSED_AFTER, EDGE, HAN_WORD, hasLeftCue, hasRightCue, SPEECH_AFTER, strongRightCue } from './name-cues.ts';
import { ACCEPT, ADDRESS, type Candidate, FAMILIAR_SURNAME, type TokenIndex } from './chinese-names.ts';

/**
 * Later mentions of a name read once: the full name again (repeats), the given name
 * alone (建国 after 王建国), the family name of a Japanese name, and forms of address
 * among colleagues (老张, 小李).
 */

/**
 * A name read once is the same name wherever else it stands as whole words (李鹏对基辛格
 * 再次…: the cue was only at the first mention). Two-character names are left to their
 * own evidence: too many are words elsewhere.
 */
export function repeats(text: string, found: FoundPerson[], taken: Uint8Array, ix: TokenIndex, blocked: (s: number, e: number) => boolean): FoundPerson[] {
  const out: FoundPerson[] = [];
  for (const name of new Set(found.filter((p) => p.name.length >= 3).map((p) => p.name))) {
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
      const end = i + name.length;
      if (!ix.boundary[i] || !ix.boundary[end] || blocked(i, end)) continue;
      let free = true;
      for (let k = i; k < end; k++) if (taken[k]) free = false;
      if (!free) continue;
      taken.fill(1, i, end);
      out.push({ name, start: i, end });
    }
  }
  return out;
}


// Characters that make the two before 同志 a phrase, not a name (这些, 几位, 我们).
const NOT_BEFORE_TONGZHI = /[的了是在和与及等这那些位个们各每全有老新其他我你她它要]/;

/**
 * Given names alone: 建国 after 王建国 earlier in the same text, and 小平同志. Feature
 * stories and speeches call people by their given name once the full name is known;
 * 同志 after two name characters that make no word is the same in speech.
 */
export function givenNames(m: NameModel, text: string, found: FoundPerson[], taken: Uint8Array, ix: TokenIndex, blocked: (s: number, e: number) => boolean): FoundPerson[] {
  const out: FoundPerson[] = [];
  const free = (s: number, e: number) => {
    for (let i = s; i < e; i++) if (taken[i]) return false;
    return !blocked(s, e);
  };
  const add = (start: number, end: number) => {
    taken.fill(1, start, end);
    out.push({ name: text.slice(start, end), start, end });
  };
  const givens = new Set<string>();
  const families = new Set<string>();
  for (const p of found) {
    // 安倍晋三 … 安倍说: a Japanese name is shortened to the family name.
    for (const n of [3, 2]) if (p.name.length > n && m.japanese.has(p.name.slice(0, n))) families.add(p.name.slice(0, n));
    const sur = surnameAt(m, p.name, 0);
    if (sur && p.name.length - sur.surname.length === 2 && HAN_WORD.test(p.name)) givens.add(p.name.slice(sur.surname.length));
  }
  for (const g of givens) {
    // A given name that is also a word (建国, 海燕) needs speech or punctuation after it.
    const isWord = (wordKind(g) & (WORD | COMMON | PLACE)) !== 0;
    for (let i = text.indexOf(g); i >= 0; i = text.indexOf(g, i + 1)) {
      if (!(ix.boundary[i] || EDGE[text.charCodeAt(i - 1)]) || !free(i, i + 2)) continue;
      const next = text.slice(i + 2, i + 4);
      const cue = EDGE[text.charCodeAt(i + 2)] || SPEECH_AFTER.test(next) || ADDRESSED_AFTER.test(next) || ADDRESS.has(next);
      if (cue || (!isWord && strongRightCue(text, i + 2))) add(i, i + 2);
    }
  }
  for (const f of families) {
    for (let i = text.indexOf(f); i >= 0; i = text.indexOf(f, i + 1)) {
      if (free(i, i + f.length) && ix.boundary[i] && (ix.boundary[i + f.length] || SPEECH_AFTER.test(text.slice(i + f.length, i + f.length + 2)))) add(i, i + f.length);
    }
  }
  for (const x of text.matchAll(/同志/g)) {
    const i = x.index - 2;
    if (i < 0 || !free(i, i + 2) || !ix.boundary[i]) continue;
    // Two characters that make no frequent word and hold no function word (谢非同志, 热地同志;
    // not 广大同志, 几位同志).
    const g = text.slice(i, i + 2);
    if (!HAN_WORD.test(g) || NOT_BEFORE_TONGZHI.test(g) || wordKind(g) & (COMMON | PLACE) || !hasLeftCue(text, i)) continue;
    if (!(givenScore(m, g[0]) > 0 && givenScore(m, g[1]) > 0) && !m.surname.has(g[0]) && !(wordKind(g) & WORD)) continue;
    add(i, i + 2);
  }
  return out;
}

/**
 * 老张, 小李: a surname after 老 or 小 is how people are called among colleagues and
 * neighbours. Only frequent surnames, only with a cue on both sides, never a word
 * (小康, 老马 as in 老马识途 is caught by the cue).
 */
export function familiarNames(m: NameModel, text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const x of text.matchAll(/[老小]/g)) {
    const i = x.index!;
    const s = m.surname.get(text[i + 1]);
    const pair = text.slice(i, i + 2);
    if (s === undefined || s < FAMILIAR_SURNAME || wordKind(pair) & (WORD | COMMON)) continue;
    if (hasLeftCue(text, i) && hasRightCue(text, i + 2)) out.push({ name: pair, start: i, end: i + 2, score: ACCEPT + 0.2 });
  }
  return out;
}


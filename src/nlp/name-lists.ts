import type { FoundPerson } from './analysis.ts';
import { looksTransliterated, placeLengthAt, surnameAt, type NameModel } from './names.ts';
import { PLACE, COMMON, WORD, wordKind } from './lexicon.ts';
import { headEndingAt } from './titles.ts';
import { codeTable, SPACE } from './chars.ts';
import { hasNotGiven } from './chinese-names.ts';

// What stands between the members of a list of names: 罗干、谢非、万里等.
// Tables by UTF-16 code: these are tested around every 、 of every article.
const ITEM_CHAR_TABLE = (() => {
  const t = codeTable('·');
  t.fill(1, 0x3400, 0x4dc0);
  t.fill(1, 0x4e00, 0xa000);
  return t;
})();
const ITEM_BEFORE_TABLE = codeTable('、，,：:（(');
const ITEM_AFTER_TABLE = codeTable('、，,。；;（(）)等和及');
const isItemChar = (text: string, i: number) => ITEM_CHAR_TABLE[text.charCodeAt(i)] === 1;
const isItemBefore = (text: string, i: number) => ITEM_BEFORE_TABLE[text.charCodeAt(i)] === 1 || SPACE[text.charCodeAt(i)] === 1;
const isItemAfter = (text: string, i: number) => ITEM_AFTER_TABLE[text.charCodeAt(i)] === 1 || SPACE[text.charCodeAt(i)] === 1;
const MAX_ITEM = 4;
// Verbs a list of people follows directly: 有, 是, 为 (还有罗干、…; 他们是王明、…).
const ITEM_AFTER_WORD = /[有是为]/;

/** The list items touching the 、 at `p`: the one before it and the one after it. */
function itemsAround(text: string, p: number, boundary: Uint8Array): [number, number][] {
  const out: [number, number][] = [];
  let s = p;
  while (s > 0 && p - s < MAX_ITEM + 1 && isItemChar(text, s - 1)) s--;
  if (p - s >= 2 && p - s <= MAX_ITEM && (s === 0 || isItemBefore(text, s - 1))) out.push([s, p]);
  else {
    // The first member often follows a title or a verb with no mark (副委员长热地、, 还有罗干、):
    // the shortest item after one.
    for (let n = 2; n <= MAX_ITEM && n <= p - s; n++) {
      if (headEndingAt(text, p - n) || ITEM_AFTER_WORD.test(text[p - n - 1] ?? '')) {
        out.push([p - n, p]);
        break;
      }
    }
  }
  let e = p + 1;
  while (e < text.length && e - p - 1 < MAX_ITEM + 1 && isItemChar(text, e) && !(e - p - 1 >= 2 && isItemAfter(text, e))) e++;
  if (e - p - 1 >= 2 && e - p - 1 <= MAX_ITEM && (e === text.length || isItemAfter(text, e))) out.push([p + 1, e]);
  else {
    // The last member often runs on into its verb (于洋获得): the shortest item jieba ends.
    for (let n = 2; n <= 3 && p + 1 + n <= text.length; n++) {
      if (boundary[p + 1 + n] && isItemChar(text, p + n)) {
        out.push([p + 1, p + 1 + n]);
        break;
      }
    }
  }
  return out;
}

/**
 * Members of an enumeration whose neighbours are names are names too, even when
 * their own characters say little (万里, 谢非 are words or rare given names). A member
 * is a whole item between list marks, next to a 、, starting with a surname or with
 * a name on both sides, and no place.
 */
export function listMembers(m: NameModel, text: string, found: FoundPerson[], taken: Uint8Array, boundary: Uint8Array, blocked: (s: number, e: number) => boolean): FoundPerson[] {
  // A member needs a name found beside it.
  if (!found.length || !text.includes('、')) return [];
  const byStart = new Map(found.map((p) => [p.start, p]));
  const byEnd = new Map(found.map((p) => [p.end, p]));
  const out: FoundPerson[] = [];
  for (let round = 0; round < 2; round++) {
    for (let p = text.indexOf('、'); p >= 0; p = text.indexOf('、', p + 1)) {
      for (const [start, end] of itemsAround(text, p, boundary)) {
        let free = true;
        for (let i = start; i < end; i++) if (taken[i]) free = false;
        if (!free || blocked(start, end)) continue;
        const item = text.slice(start, end);
        const before = text[start - 1] === '、' && byEnd.has(start - 1);
        const after = text[end] === '、' && byStart.has(end + 1);
        if (!before && !after) continue;
        const sur = surnameAt(m, text, start);
        const given = sur ? item.slice(sur.surname.length) : '';
        // A surname and one or two given characters, none of them a function word (牛派之分 is none).
        const chinese = !!sur && given.length >= 1 && given.length <= 2 && !hasNotGiven(m, given);
        // 副委员长热地、司马义·艾买提: the first member right after a title needs a name after it.
        const titledFirst = after && headEndingAt(text, start);
        if (!((chinese || looksTransliterated(m, item)) || (before && after) || titledFirst)) continue;
        // An item that is also a word (万里, 谢非, 热地) counts only between two names, last
        // before 等 after one, or first after a title and before one, and never a frequent word.
        const between = before && (after || text[end] === '等');
        const kind = wordKind(item);
        if (placeLengthAt(m, text, start) >= end - start || kind & PLACE) continue;
        if (kind & WORD && !((between && chinese) || (titledFirst && !(kind & COMMON)))) continue;
        const person = { name: item, start, end };
        taken.fill(1, start, end);
        byStart.set(start, person);
        byEnd.set(end, person);
        out.push(person);
      }
    }
    // The second round reads the lists again for the members the first one found; after
    // none, it would read them exactly as the first did.
    if (!out.length) break;
  }
  return out;
}


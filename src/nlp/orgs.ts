import { readDictLines } from './dict-lines.ts';
import { EVERYDAY, wordKind } from './lexicon.ts';
import type { Analysis, FoundName } from './analysis.ts';
import { tokenIndexAt, type Token } from './segment.ts';
import { slogansOf } from './quoted.ts';

// Organisations and places below city level, found from their heads (镇, 村,
// 街道, 产业集聚区, 有限公司 …) by walking left to where the name begins.
//
// jieba is no help for the name itself: it cuts 留固镇 as 留/固镇 and 芒山镇 as
// 芒/山镇. It is used only for the *boundary*: a name starts where the word
// before it is a verb or a frequent word (调研|鸿畅镇, 位于|紫云镇), a lone
// function word (在|前卢村), another place (南坞镇|姚家村), or punctuation.

interface Head {
  re: RegExp;
  kind: 'place' | 'zone' | 'company';
  /** Longest name in characters before the head. */
  max: number;
}

const HEADS: Head[] = [
  { re: /高新技术产业开发区|经济技术开发区|经济开发区|产业集聚区|高新区|工业园区|产业园区|开发区|管委会/g, kind: 'zone', max: 10 },
  { re: /街道|社区/g, kind: 'place', max: 5 },
  // 苏木 and 嘎查: the township and village of Inner Mongolia, often long transliterations (额尔登布拉格苏木).
  { re: /苏木|嘎查/g, kind: 'place', max: 8 },
  { re: /[镇乡村]/g, kind: 'place', max: 4 },
  // Last, so that a firm's name stops where the zone or town before it ends.
  { re: /股份有限公司|有限责任公司|集团有限公司|有限公司|专业合作社|合作社|集团|购物广场/g, kind: 'company', max: 20 },
];

/** Function words that, standing alone as a jieba token, end a name on its left. */
const STOP_CHARS = new Set('在到于和与及或的了对向从由赴至往住入进等是为把将被给让各该本每个其此这那去来并还据不没未年月日'.split(''));
/** Characters of a place above or beside this one: a name stops after them (鄢陵县|南坞镇). */
const ADMIN_END = /(?:[省市县区镇乡村]|街道|社区|管委会|公司)$/;
/** Zones keep their county (襄城县循环经济产业集聚区) but not their city (某某市|东港产业集聚区). */
const ZONE_ADMIN_END = /(?:[省市区镇乡村]|街道|社区|公司)$/;
/** A firm's registered name may hold its city and county (郑州市…有限公司); it stops only at another organisation. */
const COMPANY_ADMIN_END = /(?:街道|社区|管委会|公司)$/;
/** Heads that end dictionary words of their own (水乡, 进社区). */
const WORD_HEADS = /^(?:乡|社区|街道)$/;
/** Verbs jieba leaves alone before a place word (“弹”出|乡村): no rare first character of a town. */
const LONE_VERB = new Set('出进入回过走');
/** Words pointing at places in general: 各乡镇, 全乡镇, 每一村, 该村. */
const DETERMINER = /^[各全每该本此这那其逐整]/;
const COMPANY_END = /(?:公司|集团|合作社)$/;
const QUALIFIER = /^(?:国家级|省级|市级|县级)/;
/** Everyday words of time (去年|村集体…) never name a place. */
const TIME_WORD = /[年月日天时]$/;
const CJK = /[\u4e00-\u9fff]/;

interface Words {
  /** Frequent two-character words that are no names (jieba's lexicon, EVERYDAY). */
  common: { has(word: string): boolean };
  stop: Set<string>;
  generic: string[];
  genericLast: Set<string>;
  genericPair: Set<string>;
}
let words: Words | undefined;

function load(): Words {
  if (words) return words;
  const w: Words = { common: { has: (word) => (wordKind(word) & EVERYDAY) !== 0 }, stop: new Set(), generic: [], genericLast: new Set(), genericPair: new Set() };
  let section = '';
  for (const line of readDictLines('org-words.txt')) {
    if (line.startsWith('[')) section = line;
    else if (section === '[stop]') w.stop.add(line);
    else if (section === '[generic]') w.generic.push(line);
    else if (section === '[generic-last]') for (const c of line.split(/\s+/)) w.genericLast.add(c);
    else if (section === '[generic-pair]') for (const c of line.split(/\s+/)) w.genericPair.add(c);
  }
  words = w;
  return w;
}

/** Token lookups by offset: which token covers a position, which one ends at it. */
function tokenIndex(tokens: Token[], length: number) {
  const covering = (pos: number): Token | undefined => (pos < length ? tokens[tokenIndexAt(tokens, pos)] : undefined);
  const endingAt = (pos: number): string | undefined => {
    if (pos <= 0 || pos > length) return undefined;
    const t = tokens[tokenIndexAt(tokens, pos - 1)];
    return t && t.end === pos ? t.word : undefined;
  };
  return { covering, endingAt };
}

/** Named organisations and places below city level (streets, towns, villages, zones, companies). */
export function findOrgs(a: Analysis): FoundName[] {
  const w = load();
  const text = a.text;
  const idx = tokenIndex(a.tokens, text.length);
  const found: FoundName[] = [];
  const taken: [number, number][] = [];
  const overlaps = (s: number, e: number) => taken.some(([ts, te]) => s < te && e > ts);

  for (const head of HEADS) {
    for (const m of text.matchAll(head.re)) {
      const hs = m.index!, he = hs + m[0].length;
      if (overlaps(hs, he)) continue;
      // The head glued into a frequent word is no head: 农村, 乡村, 城乡, 乡镇, 社区 alone.
      // 村级, 乡级, 街道级: an adjective, not a place.
      if (head.kind === 'place' && text[he] === '级') continue;
      const cover = idx.covering(hs);
      let start: number | null;
      // A dictionary word ending in 乡 or 社区 is a kind of place or a slogan (水乡, 浙江|竹乡, 江南水乡,
      // 宣传|进社区), never a township's or community's name.
      const kindWord = WORD_HEADS.test(m[0]) && cover !== undefined && cover.start < hs && cover.end === he && wordKind(cover.word.slice(-m[0].length - 1)) !== 0;
      const inWord = cover && cover.word !== m[0] && (w.common.has(cover.word) || (cover.start < hs && cover.end > he) || kindWord);
      let glued = false;
      if (head.kind === 'place' && inWord) {
        // So is a head in the middle of a longer word: 农村公路. But a rare first character
        // that jieba left alone before such a word, at a clear boundary, starts a town
        // (在|胡|集镇, 关于|陬|市镇): the word is the town's name and its head.
        start = gluedStart(text, cover!, hs, he, w, idx.endingAt);
        if (start === null) continue;
        glued = true;
      } else {
        start = nameStart(text, hs, head, w, idx.endingAt, taken);
        if (start === null) continue;
      }
      let name = text.slice(start, hs);
      if (head.kind === 'zone') name = name.replace(QUALIFIER, '');
      // A name that is an everyday word (新兴镇, 胜利村) counts only at a clear boundary:
      // after punctuation, a list mark, a function word or a higher place.
      // The head must end its own word there (新兴|镇, not 只要|乡亲们).
      const clear = head.kind === 'place' && cover?.end === he && !TIME_WORD.test(name) && clearBoundary(text, start, w, idx.endingAt);
      // jieba's own reading of the whole name, or a rare character glued to it (古城镇, 西一镇
      // as one word, 阜|城镇), outweighs the generic word its last character makes with the head.
      // A determiner in front (各乡镇, 全乡镇 as one word) makes it no name at all.
      const named = !DETERMINER.test(name) && (glued || (clear && cutVouches(text, cover!, start, hs, he, w, idx.endingAt)));
      if (!acceptName(name, m[0], head, w, clear, named)) continue;
      const s = he - m[0].length - name.length;
      // 新港产业集聚区管委会: a zone's management committee is named with the zone.
      const committee = head.kind === 'zone' && m[0] !== '管委会' ? /^(?:管委会|管理委员会)/.exec(text.slice(he, he + 5))?.[0] ?? '' : '';
      found.push({ text: text.slice(s, he + committee.length), start: s, end: he + committee.length });
      taken.push([s, he + committee.length]);
    }
  }
  for (const f of companiesInLists(text, taken)) {
    found.push(f);
    taken.push([f.start, f.end]);
  }
  found.sort((x, y) => x.start - y.start);
  // “万企兴万村”: a slogan is no place, even when it ends in a head.
  const slogans = slogansOf(a);
  const seen = new Set<string>();
  return found.filter((f) => {
    if (seen.has(f.text) || slogans.some((q) => f.start >= q.start && f.end <= q.end)) return false;
    // 恒润冷链物流有限公司 after 深圳市恒润冷链物流有限公司: the short form of a firm already named.
    if (COMPANY_END.test(f.text) && found.some((g) => g.text.length > f.text.length && g.text.endsWith(f.text))) return false;
    seen.add(f.text);
    return true;
  });
}

/** Where the name before the head at `hs` begins, or null when there is none. */
function nameStart(
  text: string,
  hs: number,
  head: Head,
  w: Words,
  endingAt: (pos: number) => string | undefined,
  taken: [number, number][],
): number | null {
  let b = hs;
  const adminEnd = head.kind === 'zone' ? ZONE_ADMIN_END : head.kind === 'company' ? COMPANY_ADMIN_END : ADMIN_END;
  while (b > 0 && hs - b < head.max) {
    const c = text[b - 1];
    if (!CJK.test(c)) break;
    if (taken.some(([, te]) => te === b)) break; // another organisation ends here
    const before = endingAt(b);
    if (before !== undefined) {
      if (before.length === 1 && STOP_CHARS.has(before)) break;
      // The word touching a firm's legal suffix is its trade (交通投资|集团有限公司), never a verb before it.
      if (w.stop.has(before) && !(head.kind === 'company' && b === hs)) break;
      // Frequent words end town and village names only; zones and companies often hold them (循环经济, 再生金属).
      if (head.kind === 'place' && before.length === 2 && w.common.has(before) && hs - b >= 2) break;
    }
    // Only once the name has begun: in 王村镇 the 村 is part of the town's name.
    if (b < hs && adminEnd.test(text.slice(Math.max(0, b - 3), b))) break;
    b--;
  }
  return hs - b >= 2 ? b : null;
}

/** Whether a name may begin at `b`: text start, punctuation, a lone function word or a place above. */
function clearBoundary(text: string, b: number, w: Words, endingAt: (pos: number) => string | undefined, orFrequentWord = false): boolean {
  if (b === 0 || !CJK.test(text[b - 1])) return true;
  const before = endingAt(b);
  if (before !== undefined && ((before.length === 1 && STOP_CHARS.has(before)) || w.stop.has(before))) return true;
  // …or, for a rare character jieba left alone, a frequent word (关于|陬|市镇).
  if (orFrequentWord && before !== undefined && before.length === 2 && w.common.has(before)) return true;
  return ADMIN_END.test(text.slice(Math.max(0, b - 3), b));
}

/** The start of a town whose head jieba glued into a frequent word (胡|集镇), or null. */
function gluedStart(text: string, cover: Token, hs: number, he: number, w: Words, endingAt: (pos: number) => string | undefined): number | null {
  if (cover.end !== he || cover.start !== hs - 1 || cover.word.length !== 2) return null;
  const lone = endingAt(cover.start);
  if (lone === undefined || lone.length !== 1 || !CJK.test(lone) || STOP_CHARS.has(lone) || LONE_VERB.has(lone) || w.genericLast.has(lone)) return null;
  const b = cover.start - 1;
  return clearBoundary(text, b, w, endingAt, true) ? b : null;
}

/** Whether jieba's cut holds the name and head as one word, or a rare character alone before them, starting at `start`. */
function cutVouches(text: string, cover: Token, start: number, hs: number, he: number, w: Words, endingAt: (pos: number) => string | undefined): boolean {
  return (cover.start === start && he - start >= 3) || gluedStart(text, cover, hs, he, w, endingAt) === start;
}

function acceptName(name: string, headWord: string, head: Head, w: Words, clear: boolean, named: boolean): boolean {
  // 排名第一的|镇: a phrase with 的 names no place.
  if (name.length < 2 || !/^[\u4e00-\u9fff]+$/.test(name) || name.includes('的')) return false;
  if (w.common.has(name) && !clear) return false;
  if (w.generic.some((g) => name.endsWith(g))) return false;
  if (head.kind === 'place' && /^[镇乡村]$/.test(headWord)) {
    const last = name[name.length - 1];
    if (!named && (w.genericLast.has(last) || w.genericPair.has(last + headWord))) return false;
  }
  return true;
}

/**
 * Firms named without a legal suffix are still named as firms in a list that
 * ends in 等企业: 到某某食品股份有限公司、某某国际商贸城、某某药业等企业.
 */
function companiesInLists(text: string, taken: [number, number][]): FoundName[] {
  const out: FoundName[] = [];
  for (const m of text.matchAll(/等(?:\d+家|多家|一批)?(?:企业|公司|单位)/g)) {
    let from = m.index!;
    while (from > 0 && m.index! - from < 80 && !/[，,。；;：:！？\n“”]/.test(text[from - 1])) from--;
    const list = text.slice(from, m.index!);
    if (list.length < 2) continue;
    const items = list.split('、');
    let pos = from;
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      const s = pos, e = pos + item.length;
      pos = e + 1;
      // The first item carries the words that introduce the list (先后到某某…); it counts only
      // when a legal suffix found it already.
      if (i === 0 || taken.some(([ts, te]) => s < te && e > ts)) continue;
      if (item.length < 2 || item.length > 16 || !/^[\u4e00-\u9fff]+$/.test(item)) continue;
      out.push({ text: item, start: s, end: e });
    }
  }
  return out;
}

import { readDictLines } from './dict-lines.ts';
import { COMMON, EVERYDAY, NAME, PLACE, RARE, WORD, wordKind } from './lexicon.ts';
import { nameModel, surnameAt } from './names.ts';
import type { Analysis, FoundName } from './analysis.ts';
import { tagWords, tokenIndexAt, type Token } from './segment.ts';
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
  { re: /高新技术产业开发区|经济技术开发区|经济开发区|产业集聚区|高新区|经开区|农高区|工业园区|产业园区|开发区|示范区|产业园|管委会|筹委会/g, kind: 'zone', max: 12 },
  { re: /街道|社区/g, kind: 'place', max: 5 },
  // 枫杨办事处: a sub-district's office, named like a street (after 街道: 某某街道办事处 is the street).
  { re: /办事处/g, kind: 'place', max: 5 },
  // 苏木 and 嘎查: the township and village of Inner Mongolia, often long transliterations (额尔登布拉格苏木).
  { re: /苏木|嘎查/g, kind: 'place', max: 8 },
  { re: /[镇乡村]/g, kind: 'place', max: 4 },
  // Last, so that a firm's name stops where the zone or town before it ends.
  { re: /股份有限公司|有限责任公司|集团有限公司|有限公司|专业合作社|合作社|集团|购物广场/g, kind: 'company', max: 20 },
];

/** Function words that, standing alone as a jieba token, end a name on its left. */
/** 原 (former) and 现 (current) before a place in a title: 站街镇原某某村支书. */
const TENURE = /^[原现]$/;
const STOP_CHARS = new Set('在到于和与及或的了对向从由以赴至往住入进等是为把将被给让各该本每个其此这那去来并还据不没未年月日'.split(''));
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
/** Words that open an item of a list or a speech (一是|各街道办事处, 首先|…): a name starts after them. */
const ENUMERATOR = /^(?:[一二三四五六七八九十]是|首先|其次|再次|然后|最后|另外|此外|同时)$/;
/** Tags of words a name never holds: a preposition or conjunction (王平关于|办事处, 并且|…). */
const BREAK_TAG = /^[pc]$/;
/** A quantifier glued to the name by jieba (各街道|办事处): no part of it. */
const QUANTIFIER_START = /^[各每该]/;
/** A head, or a general word for places, standing where a name should be (各街道办事处 -> 街道办事处). */
const BARE_PLACE = /^(?:街道|社区|乡镇|村镇|城镇|城乡|镇村|[镇乡村])$/;
const QUALIFIER = /^(?:国家级|省级|市级|县级)/;
/** Everyday words of time (去年|村集体…) never name a place. */
const TIME_WORD = /[年月日天时]$/;
const CJK = /[\u4e00-\u9fff]/;
/** Zones a city has one of, named by the head alone (高新区召开…). */
const BARE_ZONE = /^(?:高新区|经开区)$/;
/**
 * Heads that name projects and designations as often as zones (钧瓷文化产业园项目, 国家自主创新
 * 示范区): a zone only under a proper name, one jieba does not know as a word (观音堂…示范区,
 * 益海嘉里(周口)…产业园), and below the state and province.
 */
const PROPER_ZONE = /^(?:示范区|产业园)$/;
/** Heads that are themselves a committee: no second committee is glued after them. */
const COMMITTEE_HEAD = /^(?:管委会|筹委会)$/;
/** Heads of towns and villages, whose names are single words or names, never phrases. */
const TOWN_HEAD = /^[镇乡村]$/;
/** A count before the head: 韩寺两镇, 东西三村 name two or three places, each without its head. */
const COUNT_END = /[两二三四五六七八九十几]+$/;
/** An honour, not a township: 中华枣乡, 中国书法之乡, 全国文明村. */
const HONOUR_START = /^(?:中华|中国|全国|华夏|天下)/;
/**
 * jieba tags of words that never make (part of) a town's or village's name: a direction word
 * (最后|镇), an adverb, pronoun, conjunction, preposition, particle. Not numerals (八千乡,
 * 六十铺镇) nor time words (西来镇): jieba tags many names so.
 * Verbs only inside a longer name (分配召开|村); alone they may be one (前进村, 解放村).
 */
const PHRASE_TAG = /^(?:f|d|ad|p|c|r|u[a-z]*|y|e|o)$/;
const VERB_TAG = /^v[dg]?$/;
const VERB_TAG_ANY = /^v[dgn]?$/;
/** Characters after a town's head that make the head a word of its own (召集镇村干部, 组织乡村): 镇村, 乡村. */
const HEAD_AFTER = /[镇乡村街]/;
/** A single character jieba leaves alone is a name's first character when it is a surname or no common word. */
const LONE_WORD_TAG = /^(?:a|ad|an|d|v|vn|vd|p|c|r|m|q|f|t|u[a-z]*|y|n)$/;
/** What describes a firm or zone before its name: 市属国有企业|某某集团, 依托|郑州高新区. */
const LEAD = /^(?:[省市县区]属|国有企业|民营企业|龙头企业|骨干企业|重点企业|国企|央企)$/;
/** The short names of state utilities and banks: a province or city and its trade (甘肃电力, 河南移动). */
const FIRM_BY_PLACE = /电力|电网|移动|联通|电信|石化|石油|烟草|银行/g;

interface Words {
  /** Frequent two-character words that are no names (jieba's lexicon, EVERYDAY). */
  common: { has(word: string): boolean };
  stop: Set<string>;
  generic: string[];
  zoneGeneric: string[];
  genericLast: Set<string>;
  genericPair: Set<string>;
}
let words: Words | undefined;

function load(): Words {
  if (words) return words;
  const w: Words = { common: { has: (word) => (wordKind(word) & EVERYDAY) !== 0 }, stop: new Set(), generic: [], zoneGeneric: [], genericLast: new Set(), genericPair: new Set() };
  let section = '';
  for (const line of readDictLines('org-words.txt')) {
    if (line.startsWith('[')) section = line;
    else if (section === '[stop]') w.stop.add(line);
    else if (section === '[generic]') w.generic.push(line);
    else if (section === '[zone-generic]') w.zoneGeneric.push(line);
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
      // A longer dictionary word ending in 村 or 镇 that is no place's name is a kind of place
      // (新型农村, 城中村, 特色小镇); a village's own name in the dictionary is tagged a place.
      if (TOWN_HEAD.test(m[0]) && cover && cover.start < hs - 1 && cover.end === he && isPhraseWord(cover.word)) continue;
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
        // 并|城|新市镇: a common character jieba left alone before the place word it read whole
        // (name and head, three characters or more) is the end of the phrase before, not the name's start.
        if (start !== null && TOWN_HEAD.test(m[0]) && cover && cover.end === he && cover.start === start + 1 && he - cover.start >= 3 && isCommonLone(text[start], idx.endingAt(start + 1))) start = cover.start;
        // 依托|郑州国家高新区, 市属国有企业|某某集团: a zone's or firm's name starts after a verb or a description.
        const cut = start !== null && head.kind !== 'place' ? afterLead(text, start, hs, head.kind) : start;
        const afterVerb = cut === hs && start !== hs;
        start = cut;
        if (start === null || (head.kind !== 'place' && hs - start < 2)) {
          // 高新区召开…, 在经开区, 调研|高新区: the city's one zone of that kind, named by its head alone.
          if (BARE_ZONE.test(m[0]) && (afterVerb || clearBoundary(text, hs, w, idx.endingAt)) && !taken.some(([, te]) => te === hs)) {
            found.push({ text: m[0], start: hs, end: he });
            taken.push([hs, he]);
          }
          continue;
        }
      }
      let name = text.slice(start, hs);
      if (head.kind === 'zone') name = name.replace(QUALIFIER, '');
      // 大营、韩寺两镇: two towns, each named without its head.
      const count = head.kind === 'place' ? COUNT_END.exec(name) : null;
      if (count) {
        name = name.slice(0, -count[0].length);
        for (const f of listedBefore(text, start, m[0], head, w, idx.endingAt, taken)) {
          found.push(f);
          taken.push([f.start, f.end]);
        }
      }
      // A name that is an everyday word (新兴镇, 胜利村) counts only at a clear boundary:
      // after punctuation, a list mark, a function word or a higher place.
      // The head must end its own word there (新兴|镇, not 只要|乡亲们).
      const clear = head.kind === 'place' && cover?.end === he && !TIME_WORD.test(name) && clearBoundary(text, start, w, idx.endingAt, false, m[0]);
      // jieba's own reading of the whole name, or a rare character glued to it (古城镇, 西一镇
      // as one word, 阜|城镇), outweighs the generic word its last character makes with the head.
      // A determiner in front (各乡镇, 全乡镇 as one word) makes it no name at all.
      const named = !DETERMINER.test(name) && (glued || (clear && cutVouches(text, cover!, start, hs, he, w, idx.endingAt)));
      if (!acceptName(name, m[0], head, w, clear, named)) continue;
      if (TOWN_HEAD.test(m[0]) && readsAsPhrase(name, text.slice(he, he + 1))) continue;
      // 成立好农村农民合作社, 建设高标准农田示范区: a kind of firm or zone, in everyday words, names none.
      if (head.kind !== 'place' && madeOfWords(a.tokens, hs - name.length, hs, true)) continue;
      if (PROPER_ZONE.test(m[0]) && !properZoneName(name)) continue;
      const s = hs - name.length - (count ? count[0].length : 0);
      // 新港产业集聚区管委会: a zone's management committee is named with the zone.
      const committee = head.kind === 'zone' && !COMMITTEE_HEAD.test(m[0]) ? /^(?:管委会|管理委员会|筹委会)/.exec(text.slice(he, he + 5))?.[0] ?? '' : '';
      const org = count ? name + m[0] : text.slice(s, he + committee.length);
      found.push({ text: org, start: s, end: he + committee.length });
      taken.push([s, he + committee.length]);
    }
  }
  for (const f of firmsByPlace(text, taken, idx.endingAt)) {
    found.push(f);
    taken.push([f.start, f.end]);
  }
  for (const f of companiesInLists(text, a.tokens, taken)) {
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
    // 益海嘉里(周口)现代食品产业园: a firm's or zone's name may hold its place in brackets.
    if ((c === ')' || c === '）') && head.kind !== 'place') {
      const open = /[(（][\u4e00-\u9fff]{2,6}$/.exec(text.slice(Math.max(0, b - 8), b - 1));
      if (open && b - 1 - open[0].length > 0 && CJK.test(text[b - 2 - open[0].length])) {
        b -= open[0].length + 1;
        continue;
      }
    }
    if (!CJK.test(c)) break;
    if (taken.some(([, te]) => te === b)) break; // another organisation ends here
    const before = endingAt(b);
    if (before !== undefined) {
      if (before.length === 1 && STOP_CHARS.has(before)) break;
      // The word touching a firm's legal suffix is its trade (交通投资|集团有限公司), never a verb before it.
      if (w.stop.has(before) && !(head.kind === 'company' && b === hs)) break;
      // Frequent words end town and village names only; zones and companies often hold them (循环经济, 再生金属).
      if (head.kind === 'place' && before.length === 2 && w.common.has(before) && hs - b >= 2) break;
      if (before.length >= 2 && head.kind === 'place') {
        if (ENUMERATOR.test(before)) break;
        const tag = wordTag(before);
        if (BREAK_TAG.test(tag)) break;
        // A verb before a town or village jieba read whole (助推|河洛镇): the name is what follows it.
        if (hs - b >= 2 && head.max <= 4 && VERB_TAG_ANY.test(tag)) break;
      }
    }
    // Only once the name has begun: in 王村镇 the 村 is part of the town's name.
    if (b < hs && adminEnd.test(text.slice(Math.max(0, b - 3), b))) {
      // …and not inside a word (市域|村镇): the name starts at the end of that word, if at all.
      if (head.max <= 4 && endingAt(b) === undefined) while (b < hs && endingAt(b) === undefined) b++;
      break;
    }
    b--;
  }
  // A town's name cut off by the length limit inside a word (冬|日暖阳映|乡野) is part of a phrase.
  if (head.kind === 'place' && hs - b >= head.max && b > 0 && CJK.test(text[b - 1]) && endingAt(b) === undefined) return null;
  // A function word jieba glued to the name's first character (对张|花楼村): the name starts after it.
  if (head.kind === 'place' && hs - b >= 3 && STOP_CHARS.has(text[b]) && endingAt(b + 1) === undefined && !wordKindAt(text, b, endingAt)) b++;
  // 原|巴沟村支书, 现|某村: "former" and "current" belong to the title after the place.
  else if (head.kind === 'place' && hs - b >= 3 && TENURE.test(text[b])) b++;
  // 各|街道办事处: the quantifier jieba glued to the name.
  if (head.kind === 'place' && hs - b >= 3 && QUANTIFIER_START.test(text[b])) b++;
  if (head.kind === 'place' && BARE_PLACE.test(text.slice(b, hs))) return null;
  return hs - b >= 2 ? b : null;
}

/** jieba's tag of a word, when it reads it as one word. */
function wordTag(word: string): string {
  const tags = tagsOf(word);
  return tags.length === 1 ? tags[0].tag : '';
}

/** A dictionary word, no name: any entry not tagged a name, or a rare one of four characters or more (a set phrase). */
function isPhraseWord(word: string): boolean {
  const k = wordKind(word);
  return (k & (NAME | PLACE)) === 0 && ((k & WORD) !== 0 || ((k & RARE) !== 0 && word.length >= 4));
}

/** Whether the jieba token starting at `b` (found as the word ending after it) is a dictionary word. */
function wordKindAt(text: string, b: number, endingAt: (pos: number) => string | undefined): boolean {
  for (let e = b + 2; e <= Math.min(text.length, b + 4); e++) {
    const word = endingAt(e);
    if (word !== undefined) return word.length === e - b && wordKind(word) !== 0;
  }
  return false;
}

/** Whether a name may begin at `b`: text start, punctuation, a lone function word or a place above. */
function clearBoundary(text: string, b: number, w: Words, endingAt: (pos: number) => string | undefined, orFrequentWord = false, headWord = ''): boolean {
  if (b === 0 || !CJK.test(text[b - 1])) return true;
  const before = endingAt(b);
  if (before !== undefined && ((before.length === 1 && STOP_CHARS.has(before)) || w.stop.has(before))) return true;
  // …or, for a rare character jieba left alone, a frequent word (关于|陬|市镇).
  if (orFrequentWord && before !== undefined && before.length === 2 && w.common.has(before)) return true;
  const last = text.slice(Math.max(0, b - 3), b);
  // A place is named after the place above it (某镇|某村), not after one of its own level or
  // below (城头山镇|召集镇党政班子: the verb of a sentence whose subject is the town).
  if (/^[镇乡]$/.test(headWord) && /(?:[镇乡村]|街道|社区)$/.test(last)) return false;
  if (headWord === '村' && /(?:村|社区)$/.test(last)) return false;
  return ADMIN_END.test(last);
}

/** The start of a town whose head jieba glued into a frequent word (胡|集镇), or null. */
function gluedStart(text: string, cover: Token, hs: number, he: number, w: Words, endingAt: (pos: number) => string | undefined): number | null {
  if (cover.end !== he || cover.start !== hs - 1 || cover.word.length !== 2) return null;
  const lone = endingAt(cover.start);
  if (lone === undefined || lone.length !== 1 || !CJK.test(lone) || STOP_CHARS.has(lone) || LONE_VERB.has(lone) || w.genericLast.has(lone)) return null;
  // 胡|集镇, 阜|城镇, 陬|市镇, but not 成立好|农村 or 城头山|乡村: a common word alone is no name.
  // Only the name model's own surnames vouch: the complete table's rare ones (山, 花) are words first.
  const m = nameModel();
  const surname = surnameAt(m, lone, 0);
  if ((!surname || m.rare.has(surname.surname)) && LONE_WORD_TAG.test(tagsOf(lone)[0]?.tag ?? '')) return null;
  const b = cover.start - 1;
  return clearBoundary(text, b, w, endingAt, true) ? b : null;
}

/** Whether `lone`, a token of its own, is a common word and no surname the name model vouches for. */
function isCommonLone(c: string, lone: string | undefined): boolean {
  if (lone !== c) return false;
  const m = nameModel();
  const surname = surnameAt(m, c, 0);
  return (!surname || m.rare.has(surname.surname)) && LONE_WORD_TAG.test(tagsOf(c)[0]?.tag ?? '');
}

/** Whether jieba's cut holds the name and head as one word, or a rare character alone before them, starting at `start`. */
function cutVouches(text: string, cover: Token, start: number, hs: number, he: number, w: Words, endingAt: (pos: number) => string | undefined): boolean {
  return (cover.start === start && he - start >= 3) || gluedStart(text, cover, hs, he, w, endingAt) === start;
}

function acceptName(name: string, headWord: string, head: Head, w: Words, clear: boolean, named: boolean): boolean {
  // 排名第一的|镇: a phrase with 的 names no place.
  if (name.length < 2 || !(head.kind === 'place' ? /^[\u4e00-\u9fff]+$/ : BRACKETED_NAME).test(name) || name.includes('的')) return false;
  if (w.common.has(name) && !clear) return false;
  if ((head.kind === 'place' ? w.generic : head.kind === 'zone' ? w.zoneGeneric : []).some((g) => name.endsWith(g))) return false;
  if (head.kind === 'place' && HONOUR_START.test(name)) return false;
  if (head.kind === 'place' && /^[镇乡村]$/.test(headWord)) {
    const last = name[name.length - 1];
    if (!named && (w.genericLast.has(last) || w.genericPair.has(last + headWord))) return false;
  }
  return true;
}

const BRACKETED_NAME = /^[\u4e00-\u9fff]+(?:[(（][\u4e00-\u9fff]+[)）][\u4e00-\u9fff]+)?$/;

/**
 * Where a zone's or firm's name starts once the words before it that are no part of it are
 * dropped: a verb before a place (依托|郑州国家高新区), a verb right before a zone's head (调研|
 * 高新区) or a description (市属国有企业|某某集团). Firms' names hold verbs and nouns of
 * action elsewhere (再生金属, 种植专业合作社, 建设投资); jieba's tags are read for these few
 * candidates only.
 */
function afterLead(text: string, start: number, hs: number, kind: Head['kind']): number {
  const tags = tagsOf(text.slice(start, hs));
  let pos = start, cut = start;
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i];
    pos += t.word.length;
    const verb = VERB_TAG.test(t.tag) || (kind === 'zone' && t.tag === 'vn');
    if (LEAD.test(t.word) || (verb && t.word.length >= 2 && (tags[i + 1]?.tag === 'ns' || (kind === 'zone' && i === tags.length - 1)))) cut = pos;
  }
  return cut;
}

function properZoneName(name: string): boolean {
  if (/国家|省/.test(name)) return false;
  const first = tagsOf(name)[0] ?? { word: '', tag: '' };
  const k = wordKind(first.word);
  return k === 0 || /^(?:nz|nr\w*|ns|nt|x)$/.test(first.tag) || (k & (NAME | PLACE)) !== 0 || ((k & RARE) !== 0 && (k & WORD) === 0);
}

/** jieba's tags of a short name, remembered: the same towns and villages come back article after article. */
const tagCache = new Map<string, { word: string; tag: string }[]>();
function tagsOf(name: string): { word: string; tag: string }[] {
  let tags = tagCache.get(name);
  if (!tags) {
    if (tagCache.size >= 8192) tagCache.clear();
    tagCache.set(name, (tags = tagWords(name)));
  }
  return tags;
}

/** Whether a town's or village's name reads as a phrase (最后|镇, 分配召开|村) by jieba's tags. */
function readsAsPhrase(name: string, after: string): boolean {
  // The phrases are made of frequent two-character words; a name holding none needs no tags.
  let frequent = false;
  for (let i = 0; i + 2 <= name.length && !frequent; i++) frequent = (wordKind(name.slice(i, i + 2)) & COMMON) !== 0;
  if (!frequent) return false;
  const tags = tagsOf(name);
  if (tags.length === 1) return PHRASE_TAG.test(tags[0].tag) || (VERB_TAG.test(tags[0].tag) && HEAD_AFTER.test(after));
  return tags.some((t) => t.word.length >= 2 && (PHRASE_TAG.test(t.tag) || VERB_TAG.test(t.tag)));
}

/** The places listed before a count (大营、韩寺两镇 -> 大营镇), each given the head. */
function listedBefore(text: string, start: number, headWord: string, head: Head, w: Words, endingAt: (pos: number) => string | undefined, taken: [number, number][]): FoundName[] {
  const out: FoundName[] = [];
  let end = start;
  while (end > 0 && /[、和与及]/.test(text[end - 1])) {
    const sep = end - 1;
    const b = nameStart(text, sep, head, w, endingAt, taken);
    if (b === null || sep - b > 4) break;
    const name = text.slice(b, sep);
    if (readsAsPhrase(name, '')) break;
    out.push({ text: name + headWord, start: b, end: sep });
    end = b;
  }
  return out;
}

/**
 * State utilities and banks go by their province or city and trade (甘肃电力、安徽芜湖电力的
 * 救援队员, 河南移动): a run of place words right before the trade,
 * with the trade ending its word (not 电力设施, 石油化工).
 */
function firmsByPlace(text: string, taken: [number, number][], endingAt: (pos: number) => string | undefined): FoundName[] {
  const out: FoundName[] = [];
  for (const m of text.matchAll(FIRM_BY_PLACE)) {
    const hs = m.index!, he = hs + m[0].length;
    if (taken.some(([ts, te]) => hs < te && he > ts) || (CJK.test(text[he] ?? '') && !/[的等和与及在]/.test(text[he]))) continue;
    let b = hs;
    for (let word = endingAt(b); word && word.length >= 2 && (wordKind(word) & PLACE) !== 0; word = endingAt(b)) b -= word.length;
    if (b === hs || hs - b > 6) continue;
    out.push({ text: text.slice(b, he), start: b, end: he });
  }
  return out;
}

/**
 * Firms named without a legal suffix are still named as firms in a list that
 * ends in 等企业: 到某某食品股份有限公司、某某国际商贸城、某某药业等企业.
 * An item made only of everyday words is a trade, not a firm (危险化学品、烟花爆竹等企业).
 */
function companiesInLists(text: string, tokens: Token[], taken: [number, number][]): FoundName[] {
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
      if (item.length < 2 || item.length > 16 || !/^[\u4e00-\u9fff]+$/.test(item) || madeOfWords(tokens, s, e)) continue;
      out.push({ text: item, start: s, end: e });
    }
  }
  return out;
}

/**
 * Whether jieba cuts text[s, e) into frequent or long dictionary words only, none of them a
 * name (危险|化学品, 冶金|工贸); with `shortWords`, single characters too (好|农村|农民).
 */
function madeOfWords(tokens: Token[], s: number, e: number, shortWords = false): boolean {
  let i = tokenIndexAt(tokens, s);
  if (i < 0 || tokens[i].start !== s) return false;
  for (; i < tokens.length && tokens[i].end <= e; i++) {
    const word = tokens[i].word;
    const k = wordKind(word);
    // A rare entry of three characters is mostly a name (观音堂); of four, a set phrase (烟花爆竹).
    // Two characters: everyday words only; a frequent name of a kind jieba tags nz (太和) is a name.
    if (!isPhraseWord(word) || !(k & EVERYDAY || word.length >= 3 || (shortWords && word.length === 1))) return false;
    if (tokens[i].end === e) return true;
  }
  return false;
}

import type { Analysis, FoundName } from './analysis.ts';
import { WORD, wordKind } from './lexicon.ts';
import { tagWords } from './segment.ts';

/** Each distinct item once, at its first occurrence. */
function firstOfEach(items: FoundName[]): FoundName[] {
  const seen = new Set<string>();
  return items.filter((it) => (seen.has(it.text) ? false : (seen.add(it.text), true)));
}

/** Titles of documents inside 《…》, without the marks. */
export function findDocuments(a: Analysis): FoundName[] {
  const out: FoundName[] = [];
  for (const m of a.text.matchAll(/《([^《》\n]{1,80})》/g)) {
    out.push({ text: m[1], start: m.index! + 1, end: m.index! + 1 + m[1].length });
  }
  return firstOfEach(out);
}

// Quotation marks in news hold two different things: slogans and campaign names
// (“放管服”, “一村一品、一镇一业”), and the words of people interviewed
// (村民赵金锁说：“河水清了，……”). Only the first are initiatives.

/** Speech ends like a sentence. */
const SENTENCE_END = /[。！？!?…]$/;
/** A colon right before the quote introduces speech: 他说：“…” */
const COLON_BEFORE = /[：:]\s*$/;
/** Verbs of saying right after the quote: “…”姚建军说 / “…”他告诉记者 */
const SAID_AFTER = /^[^，。,；;“”]{0,12}?(?:说|表示|介绍|告诉|坦言|感慨|笑着|补充|强调道|道)/;
/** A quoted name of a work is named by what follows it: “…”专题片, “…”一书; of a contest, “…”杯. */
const WORK_AFTER = /^(?:专题片|宣传片|纪录片|微电影|电影|影片|节目|栏目|歌曲|话剧|戏曲|晚会|一书|丛书|诗歌|画展|摄影展|展览|微信公众号|公众号|微信号|视频号|抖音号|小程序|客户端|APP|App|杯)/;
/** Slogans are phrases: a clause longer than this, between commas, reads as a sentence… */
const MAX_SLOGAN_CLAUSE = 9;
/** …unless the clauses are parallel (of one length, give or take one), as slogans are: 宁可少建一座楼，也要多栽一片林. */
const MAX_PARALLEL_CLAUSE = 14;
/** People speak with modal particles, slogans do not (好啊, 真美呀); nor, at length, with 我 and 你
 * (我们心里特别高兴, while “我为群众办实事” is a campaign). */
const PARTICLE = /[咱俺啊呀吧呢吗啦哦嘛哇噢]/;
const PRONOUN = /[我你您]/;
const SPOKEN_LENGTH = 10;

/** Is the quoted `inner` text, in its context, direct speech rather than a slogan? */
export function isQuotedSpeech(inner: string, before: string, after: string): boolean {
  if (SENTENCE_END.test(inner) || COLON_BEFORE.test(before) || PARTICLE.test(inner)) return true;
  if (inner.length >= SPOKEN_LENGTH && PRONOUN.test(inner)) return true;
  const clauses = inner.split(/[，,；;]/);
  if (clauses.length > 1 && clauses.some((c) => c.length > MAX_SLOGAN_CLAUSE) && !parallel(clauses)) return true;
  if (inner.length > 12 && SAID_AFTER.test(after)) return true;
  return false;
}

function parallel(clauses: string[]): boolean {
  let min = Infinity, max = 0;
  for (const c of clauses) {
    min = Math.min(min, c.length);
    max = Math.max(max, c.length);
  }
  return max - min <= 1 && max <= MAX_PARALLEL_CLAUSE;
}

/** A channel or programme right before the quotation names a show: 央视综合频道“…”, 栏目“…”. */
const WORK_BEFORE = /(?:频道|栏目|节目|卫视|电视台|广播电台)$/;

/** Is the quotation the name of a film, song, book or show rather than a campaign? */
export function isQuotedWork(after: string, before = ''): boolean {
  return WORK_AFTER.test(after) || WORK_BEFORE.test(before);
}

/**
 * Names that are no campaigns: of a place (“百草园”, “某某山庄”, a garden or square) or of an
 * event, a festival or fair (“某某文化节暨经贸洽谈会”, “某某博览会”).
 */
const PLACE_OR_EVENT_NAME = /(?:(?<![校家田乐])园|苑|馆|阁|亭|山庄|庄园|农庄|公园|广场|[^调]节|洽谈会|博览会|交易会|展销会|推介会|招商会|运动会|锦标赛|联赛)$|暨/;

/** Campaigns and slogans inside “…” or 「…」, without the marks; quoted speech is left out. */
export function findInitiatives(a: Analysis): FoundName[] {
  return firstOfEach(slogansOf(a).filter((q) => !isScareQuote(q.text, a.text.slice(q.end + 1, q.end + 4)) && !isFigureOfSpeech(a.text, q)));
}

/** A holiday in quotes: “五一”假期, “十一”黄金周. */
const HOLIDAY_AFTER = /^(?:假期|小长假|长假|黄金周)/;
/** Punctuation that closes a clause right after the quotation, or the end of a line (a title's). */
const CLAUSE_END = /^[。，；！？、,;!?\n]/;

/**
 * 是稳增长的“压舱石”。, 成了游客争相购买的“香饽饽”。: a quotation that a 的 phrase leads
 * into and the clause ends on is a metaphor; campaigns go on into a noun (“放管服”改革)
 * or stand as the object of a verb (推行“河长制”). A quoted holiday or the short name of a
 * village's bodies is no campaign either.
 */
function isFigureOfSpeech(text: string, q: FoundName): boolean {
  const after = text.slice(q.end + 1, q.end + 4);
  const before = text[q.start - 2];
  return (before === '的' && (CLAUSE_END.test(after) || !after)) || HOLIDAY_AFTER.test(after)
    || (PLACE_BEFORE.test(before ?? '') && BODY_AFTER.test(after));
}

/** 村“两委”成员, 社区“两委”班子: the short name of a village's or community's bodies, no campaign. */
const PLACE_BEFORE = /[村镇区]/;
const BODY_AFTER = /^(?:班子|成员|干部|换届|委员|主干)/;

/** Nouns that make the quotation before them a campaign's name: “门前三包”责任制, “某某”工程. */
const CAMPAIGN_AFTER = /^(?:责任|制度|工程|行动|活动|改革|工作|机制|模式|战略|计划|专项|创建|试点|政策|要求|理念)/;
const NUMERAL = /[0-9一二三四五六七八九十百千万两双]/;

/**
 * 给群众办了“身份证”, 不拘“小节”, a lone “长”: quotation marks around one character or one
 * frequent word of jieba's dictionary mark a figure of speech, not a campaign. Campaign
 * words are coined (放管服, 河长制) or hold a numeral (三农, 十四五).
 */
function isScareQuote(inner: string, after: string): boolean {
  if (inner.length < 2) return true;
  if (inner.length > 4) return false;
  const kind = wordKind(inner);
  if (kind === 0) return false;
  // An idiom is a figure of speech even with a numeral in it (“一抢而空”, “一举两得”), unless a
  // campaign's noun follows (“门前三包”责任制).
  if ((kind & WORD) !== 0 && !NUMERAL.test(inner)) return true;
  return inner.length === 4 && !CAMPAIGN_AFTER.test(after) && tagWords(inner)[0]?.tag === 'i';
}

const slogansByAnalysis = new WeakMap<Analysis, FoundName[]>();

/**
 * The slogan-like quotations of an article, read once: initiatives are made of them, and
 * figures and orgs skip what lies inside them (三有一化, “万企兴万村”).
 */
export function slogansOf(a: Analysis): FoundName[] {
  let found = slogansByAnalysis.get(a);
  if (!found) slogansByAnalysis.set(a, (found = quotedSlogans(a.text)));
  return found;
}

/** Every slogan-like quotation, in text order. */
function quotedSlogans(text: string): FoundName[] {
  const out: FoundName[] = [];
  for (const m of text.matchAll(/[“「]([^“”「」\n]{1,40})[”」]/g)) {
    const start = m.index! + 1;
    const inner = m[1].trim();
    if (!inner) continue;
    const before = text.slice(Math.max(0, m.index! - 4), m.index!);
    const after = text.slice(start + m[1].length + 1, start + m[1].length + 20);
    if (isQuotedSpeech(inner, before, after) || isQuotedWork(after, before) || PLACE_OR_EVENT_NAME.test(inner)) continue;
    out.push({ text: inner, start, end: start + m[1].length });
  }
  return out;
}

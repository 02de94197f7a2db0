import type { Analysis, FoundName } from './analysis.ts';
import { WORD, wordKind } from './lexicon.ts';

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
/** A quoted name of a work is named by what follows it: “…”专题片, “…”一书. */
const WORK_AFTER = /^(?:专题片|宣传片|纪录片|微电影|电影|影片|节目|栏目|歌曲|话剧|戏曲|晚会|一书|丛书|诗歌|画展|摄影展|展览|微信公众号|公众号|微信号|视频号|抖音号|小程序|客户端|APP|App)/;
/** Slogans are phrases: a clause longer than this, between commas, reads as a sentence. */
const MAX_SLOGAN_CLAUSE = 9;

/** Is the quoted `inner` text, in its context, direct speech rather than a slogan? */
export function isQuotedSpeech(inner: string, before: string, after: string): boolean {
  if (SENTENCE_END.test(inner) || COLON_BEFORE.test(before)) return true;
  const clauses = inner.split(/[，,；;]/);
  if (clauses.length > 1 && clauses.some((c) => c.length > MAX_SLOGAN_CLAUSE)) return true;
  if (inner.length > 12 && SAID_AFTER.test(after)) return true;
  return false;
}

/** Is the quotation the name of a film, song, book or show rather than a campaign? */
export function isQuotedWork(after: string): boolean {
  return WORK_AFTER.test(after);
}

/** Campaigns and slogans inside “…” or 「…」, without the marks; quoted speech is left out. */
export function findInitiatives(a: Analysis): FoundName[] {
  return firstOfEach(slogansOf(a).filter((q) => !isScareQuote(q.text) && !isFigureOfSpeech(a.text, q)));
}

/** A holiday in quotes: “五一”假期, “十一”黄金周. */
const HOLIDAY_AFTER = /^(?:假期|小长假|长假|黄金周)/;
/** Punctuation that closes a clause right after the quotation. */
const CLAUSE_END = /^[。，；！？、,;!?]/;

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

const NUMERAL = /[0-9一二三四五六七八九十百千万两双]/;

/**
 * 给群众办了“身份证”, 不拘“小节”, a lone “长”: quotation marks around one character or one
 * frequent word of jieba's dictionary mark a figure of speech, not a campaign. Campaign
 * words are coined (放管服, 河长制) or hold a numeral (三农, 十四五).
 */
function isScareQuote(inner: string): boolean {
  if (inner.length < 2) return true;
  return inner.length <= 4 && !NUMERAL.test(inner) && (wordKind(inner) & WORD) !== 0;
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
    if (isQuotedSpeech(inner, before, after) || isQuotedWork(after)) continue;
    out.push({ text: inner, start, end: start + m[1].length });
  }
  return out;
}

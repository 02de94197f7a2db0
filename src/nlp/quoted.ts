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
  return firstOfEach(slogansOf(a).filter((q) => !isScareQuote(q.text, a.text.slice(q.end + 1, q.end + 4))
    && !isFigureOfSpeech(a.text, q) && !isQuotedName(a.text, q)));
}

// Quotation marks also hold names that are no campaigns: honours and awards (“全国文明村”,
// “某某杯”, a certification), headlines and lines of verse, events, facilities and brands.
// A run of quotations joined by 、 or 和 (获得“甲”、“乙”等称号; 是…的“甲”和“乙”) is read
// as one: what stands before the first and after the last speaks for all of them.

const LIST_JOIN = '、和与及';
const OPENING = '“「';
const CLOSING = '”」';

/** The span of the run of quotations `q` belongs to: from its first opening mark to after its last closing one. */
function quotedRun(text: string, q: FoundName): [number, number] {
  let s = q.start - 1, e = q.end + 1;
  const at = (i: number) => (i >= 0 && i < text.length ? text[i] : '\n');
  for (;;) {
    let j = s;
    if (LIST_JOIN.includes(at(j - 1))) j--;
    if (!CLOSING.includes(at(j - 1)) || j < 2) break;
    const open = Math.max(text.lastIndexOf('“', j - 2), text.lastIndexOf('「', j - 2));
    if (open < 0 || open >= s || j - open > 42 || text.slice(open, j).includes('\n')) break;
    s = open;
  }
  for (;;) {
    let k = e;
    if (LIST_JOIN.includes(at(k))) k++;
    if (!OPENING.includes(at(k))) break;
    const close = text.slice(k + 1, k + 43).search(/[”」\n]/);
    if (close < 0 || text[k + 1 + close] === '\n') break;
    e = k + close + 2;
  }
  return [s, e];
}

/** Honours are won or conferred: 荣获“…”, 被评为“…”, 最高奖“…”, 荣誉称号“…”. */
const HONOUR_BEFORE = /(?:荣获|获评|评为|授予|命名为|荣膺|摘得|夺得|斩获|喜获|奖|称号|荣誉|殊荣|桂冠)$/;
/** …or counted as such after the list: “…”、“…”等50多项荣誉称号, “…”称号. */
const HONOUR_AFTER = /^(?:等[^。；;，,“”]{0,14})?(?:荣誉称号|称号|荣誉|殊荣|奖项|桂冠|奖章|勋章|纪念章|奖牌|奖杯|证书)/;
/** …unless it is a title still to be won: 争创“全国文明城市”. */
const STRIVE_BEFORE = /(?:争创|创建|创成|冲刺)$/;
/**
 * The name itself may say it: a cup or prize, a certification; or a ranking of places or
 * bodies (百强乡镇, 十佳名镇, 中国…百佳城镇, 河南省生态镇). A ranked place may still be a campaign to
 * build (“全国文明城市”创建), so a campaign's noun after it keeps it.
 */
const AWARD_NAME = /(?:杯|奖|奖章|金奖|银奖|称号|认证|认定)$/;
const RANKED_NAME = /(?:百强|十强|百佳|十佳|百优|最具|最佳|十大|示范|先进|文明|生态|卫生|名)[^、，,]{0,3}(?:乡镇|城镇|名镇|镇|村|县|市|城市|区|单位|集体|家庭|社区)$/;
const NATIONAL_OR_PROVINCIAL = /^(?:中国|全国|国家|[\u4e00-\u9fa5]{2,3}省|[\u4e00-\u9fa5]{2,3}市)/;
/** A headline or title: 以“…”为通栏大标题, 以“…”为题. */
const HEADLINE_AFTER = /^为(?:题|[^，。；;,]{0,5}标题)/;
const HEADLINE_BEFORE = /(?:标题|题为|题目)[是为：:]?$/;
/** Events, facilities and brands: 千人“…宴”, “…示范基地”揭牌, “…”牌石榴, “…号”渡船. */
const EVENT_OR_FACILITY_NAME = /(?:宴|宴席|盛宴|大赛|比赛|竞赛|晚会|演唱会|音乐会|庙会|论坛|峰会|基地|驿站|服务站|工作站|大厦|大楼|酒店|宾馆|码头|渡口|大桥|水库|景区|号)$/;
const NAMED_THING_AFTER = /^(?:揭牌|挂牌|授牌|牌(?![子匾坊照])|号?(?:渡船|客轮|游轮|游船|轮渡|列车|专列))/;
/** A name that is put forward, built or branded as a campaign: “最美庭院”评选, “…”服务品牌. */
const KEEP_AFTER = /^(?:评选|创建|服务品牌|品牌)/;
/** A slogan comes with its own noun: “…”的标语, “…”口号; those keep a couplet. */
const SLOGAN_AFTER = /^的?(?:标语|口号|横幅|宣传语)/;

/** Is the quotation at `q` the name of an honour, a headline, a line of verse, an event, a facility or a brand? */
function isQuotedName(text: string, q: FoundName): boolean {
  const inner = q.text;
  const [s, e] = quotedRun(text, q);
  const before = text.slice(Math.max(0, s - 6), s);
  const after = text.slice(e, e + 20);
  const ownAfter = text.slice(q.end + 1, q.end + 8);
  if (CAMPAIGN_AFTER.test(ownAfter) || KEEP_AFTER.test(ownAfter) || STRIVE_BEFORE.test(before)) return false;
  if (HONOUR_BEFORE.test(before) || HONOUR_AFTER.test(after)) return true;
  if (AWARD_NAME.test(inner) || (RANKED_NAME.test(inner) && NATIONAL_OR_PROVINCIAL.test(inner))) return true;
  if (HEADLINE_AFTER.test(ownAfter) || HEADLINE_BEFORE.test(before)) return true;
  if (EVENT_OR_FACILITY_NAME.test(inner) || NAMED_THING_AFTER.test(ownAfter)) return true;
  if (SLOGAN_AFTER.test(ownAfter)) return false;
  return isVerse(inner) || isAside(text, s, e, inner);
}

/**
 * 为有牺牲多壮志，敢教日月换新天: two lines of five or seven characters that share no character
 * are a couplet of verse; slogans built of two such lines repeat their key words
 * (围绕农业办工业，办好工业促农业).
 */
function isVerse(inner: string): boolean {
  const lines = inner.split(/[，,]/);
  if (lines.length !== 2 || lines[0].length !== lines[1].length || (lines[0].length !== 5 && lines[0].length !== 7)) return false;
  for (const ch of lines[0]) if (lines[1].includes(ch)) return false;
  return true;
}

/**
 * ……饱经风霜，“沧海横流，方显英雄本色”，不屈不挠……: a saying of several clauses that stands
 * as a clause of its own, between commas, and whose clauses differ in length, is quoted wisdom;
 * campaigns are the object of a verb or go on into a noun, and slogans run parallel.
 */
const CLAUSE_BREAK = /[，。；！？,;!?：:\n]/;
function isAside(text: string, s: number, e: number, inner: string): boolean {
  const clauses = inner.split(/[，,；;]/);
  if (clauses.length < 2 || parallel(clauses)) return false;
  return (s === 0 || CLAUSE_BREAK.test(text[s - 1])) && (e >= text.length || CLAUSE_BREAK.test(text[e]));
}

/** A holiday in quotes: “五一”假期, “十一”黄金周. */
const HOLIDAY_AFTER = /^(?:假期|小长假|长假|黄金周)/;
/** Punctuation that closes a clause right after the quotation, or the end of a line (a title's). */
const CLAUSE_END = /^[。，；！？、,;!?\n]/;

/**
 * 是稳增长的“压舱石”。, 成了游客争相购买的“香饽饽”。: a quotation that a 的 phrase leads
 * into and the clause ends on is a metaphor; campaigns go on into a noun (“放管服”改革)
 * or stand as the object of a verb (推行“河长制”); quotations in a run (的“牛鼻子”和“强引擎”。) go
 * together. A quoted holiday or the short name of a
 * village's bodies is no campaign either.
 */
function isFigureOfSpeech(text: string, q: FoundName): boolean {
  const after = text.slice(q.end + 1, q.end + 4);
  const before = text[q.start - 2];
  // 的“牛鼻子”和“强引擎”，: a run of metaphors is read as one.
  const [s, e] = quotedRun(text, q);
  const runAfter = text.slice(e, e + 3);
  return (text[s - 1] === '的' && (CLAUSE_END.test(runAfter) || !runAfter)) || HOLIDAY_AFTER.test(after)
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

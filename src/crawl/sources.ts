// Source definitions: data files in data/sources/ (YAML or JSON), validated with
// zod so a bad file is reported by the field that is wrong. docs/crawling.md
// documents every field; keep the two in step.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { Cron } from 'croner';
import { DATA_DIR } from '../paths.ts';
import { UserError } from '../errors.ts';
import { isIsoDate } from '../iso-date.ts';
import { gazetteerPlace } from '../nlp/places.ts';

export const SOURCES_DIR = join(DATA_DIR, 'sources');

const regex = z.string().refine((s) => {
  try {
    new RegExp(s);
    return true;
  } catch {
    return false;
  }
}, 'not a valid regular expression');

const cron = z.string().refine((s) => {
  try {
    new Cron(s, { paused: true, timezone: 'Asia/Shanghai' });
    return true;
  } catch {
    return false;
  }
}, 'not a valid cron expression (5 or 6 fields, e.g. "0 7 * * *")');

const isoDate = z.string().refine(isIsoDate, 'not a date (want YYYY-MM-DD)');

const politeness = z.object({
  concurrency: z.number().int().min(1).max(16).optional(),
  delayMs: z.number().int().min(0).optional(),
  timeoutMs: z.number().int().min(100).optional(),
  retries: z.number().int().min(0).max(10).optional(),
  backoffMs: z.number().int().min(0).optional(),
  maxRetryAfterMs: z.number().int().min(0).optional(),
  maxBytes: z.number().int().min(1024).optional(),
  maxRedirects: z.number().int().min(0).max(20).optional(),
}).strict();

const selectors = z.object({
  title: z.string().optional(),
  introTitle: z.string().optional(),
  subTitle: z.string().optional(),
  date: z.string().optional(),
  byline: z.string().optional(),
  body: z.string().optional(),
  source: z.string().optional(),
}).strict();

/**
 * A place declared for a source or section (新郑时报 -> 新郑市, or its code 410184): the
 * gazetteer must know it, so a typo is caught when the definition loads, not in the data.
 */
const place = z.string().min(1).refine((p) => !!gazetteerPlace(p), 'not a place the gazetteer knows (write the full name, 新郑市, or its GB/T 2260 code, 410184)');

const section = z.object({
  name: z.string().min(1),
  /** The place the section reports on: an official's place when the title and the article do not say. */
  place: place.optional(),
  /** Page-number prefixes of the section (X for X01, X02 …). */
  pages: z.array(z.string().min(1)).optional(),
}).strict();

const common = {
  key: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'lower-case letters, digits, - and _ only'),
  name: z.string().min(1),
  base: z.string().url().refine((u) => /^https?:\/\//.test(u), 'http(s) only'),
  hosts: z.array(z.string().min(1)).optional(),
  politeness: politeness.optional(),
  contact: z.string().optional(),
  schedule: cron.optional(),
  selectors: selectors.optional(),
  /** The place the whole source reports on (a county portal's county), when it has one. */
  place: place.optional(),
};

const epaper = z.object({
  ...common,
  kind: z.literal('epaper'),
  /** Entry page of an edition, relative to base; {yyyy} {mm} {dd} {yyyymm} are filled in. Tried in order. */
  edition: z.union([z.string(), z.array(z.string()).min(1)]),
  pageLink: regex.default('node_[A-Za-z0-9]+\\.html?$'),
  articleLink: regex.default('content_\\d+\\.html?$'),
  sections: z.array(section).optional(),
  /** First edition a --due crawl starts from when the source has never been crawled. */
  since: isoDate.optional(),
  /** Editions a --due crawl goes back to re-check (a late-published edition). */
  lookbackDays: z.number().int().min(0).max(60).default(2),
}).strict();

const pagination = z.object({
  /** Page URL template for page n (n from `start`), relative to the list URL: `index_{n}.html`. */
  pattern: z.string().optional(),
  start: z.number().int().min(0).default(1),
  maxPages: z.number().int().min(1).max(1000).default(50),
}).strict();

const portal = z.object({
  ...common,
  kind: z.enum(['portal', 'generic']),
  lists: z.array(z.string().min(1)).min(1),
  articleLink: regex.optional(),
  pagination: pagination.optional(),
}).strict();

export const SourceSchema = z.discriminatedUnion('kind', [epaper, portal]);
export type SourceDef = z.infer<typeof SourceSchema>;
export type EpaperSource = z.infer<typeof epaper>;
export type PortalSource = z.infer<typeof portal>;

/** Article links of the common portal CMSs (Hanweb, TRS, VSB, Founder-style content pages). */
export const DEFAULT_PORTAL_ARTICLE_LINK =
  '/art/\\d{4}/\\d{1,2}/\\d{1,2}/art_\\d+_\\d+\\.html$|/t\\d{8}_\\d+\\.s?html?$|/info/\\d+/\\d+\\.htm$|content_\\d+\\.s?html?$';

export class SourceError extends UserError {}

/** Validates a parsed definition; the error names the file and the bad field. */
export function parseSource(obj: unknown, where: string): SourceDef {
  const r = SourceSchema.safeParse(obj);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const extra = r.error.issues.length > 1 ? ` (and ${r.error.issues.length - 1} more)` : '';
  if (issue.code === 'unrecognized_keys') {
    const at = issue.path.length ? `${issue.path.join('.')}.` : '';
    throw new SourceError(`${where}: unknown field ${issue.keys.map((k) => `"${at}${k}"`).join(', ')} (see docs/crawling.md for the fields)${extra}`, 2);
  }
  const field = issue.path.length ? issue.path.join('.') : '(top level)';
  const missing = issue.path.length > 0 && valueAt(obj, issue.path) === undefined;
  throw new SourceError(`${where}: field "${field}": ${missing ? 'missing (required)' : issue.message}${extra}`, 2);
}

function valueAt(obj: unknown, path: PropertyKey[]): unknown {
  let cur: unknown = obj;
  for (const k of path) cur = cur && typeof cur === 'object' ? (cur as Record<PropertyKey, unknown>)[k] : undefined;
  return cur;
}

export function loadSourceFile(file: string): SourceDef {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new SourceError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, 2);
  }
  let obj: unknown;
  try {
    obj = extname(file).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new SourceError(`${file}: not valid ${extname(file).toLowerCase() === '.json' ? 'JSON' : 'YAML'}: ${(e as Error).message.split('\n')[0]}`, 2);
  }
  const def = parseSource(obj, file);
  const stem = basename(file, extname(file));
  if (stem !== def.key) throw new SourceError(`${file}: field "key": "${def.key}" does not match the file name "${stem}"`, 2);
  return def;
}

export interface LoadedSources {
  sources: SourceDef[];
  /** Files that failed validation: reported, and the other sources still run. */
  errors: { file: string; message: string }[];
}

export function loadSources(dir = SOURCES_DIR): LoadedSources {
  const out: LoadedSources = { sources: [], errors: [] };
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    if (!/\.(ya?ml|json)$/i.test(name)) continue;
    try {
      out.sources.push(loadSourceFile(join(dir, name)));
    } catch (e) {
      out.errors.push({ file: join(dir, name), message: (e as Error).message });
    }
  }
  return out;
}

/**
 * The place declared in data/sources for an article's section or source (by key, name or
 * section name), section first: never derived from the names themselves.
 */
export function declaredPlace(source: string | undefined, section: string | undefined, defs: SourceDef[] = defaultSources()): string | undefined {
  for (const name of [section, source]) {
    if (!name) continue;
    for (const d of defs) {
      const sec = d.kind === 'epaper' ? d.sections?.find((x) => x.name === name) : undefined;
      if (sec?.place) return sec.place;
    }
  }
  if (!source) return undefined;
  const def = defs.find((d) => d.key === source || d.name === source);
  if (!def) return undefined;
  return def.place;
}

let defaults: SourceDef[] | undefined;
function defaultSources(): SourceDef[] {
  return (defaults ??= loadSources().sources);
}

/** The hosts a source may fetch from: its base URL's host and any listed. */
export function sourceHosts(def: SourceDef): string[] {
  return [new URL(def.base).host, ...(def.hosts ?? [])].map((h) => h.toLowerCase());
}

/** A copy of the definition served from another origin (the demo's ephemeral port, a test server). */
export function rebase(def: SourceDef, origin: string): SourceDef {
  const from = new URL(def.base).origin;
  const to = new URL(origin).origin;
  const move = (u: string) => new URL(u, def.base).toString().replace(from, to);
  if (def.kind === 'epaper') return { ...def, base: move(def.base), hosts: undefined };
  return { ...def, base: move(def.base), lists: def.lists.map(move), hosts: undefined };
}

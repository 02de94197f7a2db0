import { isIsoDate } from '../iso-date.ts';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { Article } from '../types.ts';
import { decodeText } from './decode.ts';
import { htmlToArticle } from '../article/html.ts';
import { repairBody } from '../article/repair.ts';

/** One article read from a file, or the reason a file (or a line of it) could not be read. */
export type InputItem =
  | { ok: true; file: string; article: Article; note?: string }
  | { ok: false; file: string; error: string };

const KNOWN = new Set(['.txt', '.html', '.htm', '.json', '.jsonl']);

export interface ReadOptions {
  /** Publication date for inputs that carry none (plain text). */
  published?: string;
  source?: string;
}

/** Expands directories recursively (sorted, so runs are repeatable) and reads every known file. */
export function* readInputs(paths: string[], opts: ReadOptions = {}): Generator<InputItem> {
  for (const f of listInputs(paths)) yield* ('error' in f ? [{ ok: false as const, file: f.file, error: f.error }] : readInputFile(f.file, opts));
}

/** The files the paths name, directories expanded; what cannot be read is an error entry. Cheap: reads no file. */
export function listInputs(paths: string[]): ({ file: string } | { file: string; error: string })[] {
  const out: ({ file: string } | { file: string; error: string })[] = [];
  const walk = (p: string, explicit: boolean) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      out.push({ file: p, error: 'no such file or directory' });
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) if (!name.startsWith('.')) walk(join(p, name), false);
      return;
    }
    const ext = extname(p).toLowerCase();
    // Files met while walking a directory are skipped quietly; a file named outright is an error.
    if (KNOWN.has(ext)) out.push({ file: p });
    else if (explicit) out.push({ file: p, error: `unsupported file type "${ext || '(none)'}" (use .txt, .html, .json or .jsonl)` });
  };
  for (const p of paths) walk(p, true);
  return out;
}

/** The articles of one file (several for .jsonl), or why it or a line of it could not be read. */
export function* readInputFile(p: string, opts: ReadOptions = {}): Generator<InputItem> {
  const ext = extname(p).toLowerCase();
  const decoded = decodeText(readFileSync(p));
  if ('error' in decoded) {
    yield { ok: false, file: p, error: decoded.error };
    return;
  }
  const note = decoded.encoding === 'utf-8' ? undefined : `decoded as ${decoded.encoding}`;
  const id = basename(p, extname(p));
  if (ext === '.json') {
    let obj: unknown;
    try {
      obj = JSON.parse(decoded.text);
    } catch (e) {
      yield { ok: false, file: p, error: `invalid JSON: ${(e as Error).message}` };
      return;
    }
    yield fromJson(obj, p, id, opts, note);
  } else if (ext === '.jsonl') {
    const lines = decoded.text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i].trim();
      if (!line) continue;
      const where = `${p}:${i + 1}`;
      let obj: unknown;
      try {
        obj = JSON.parse(line);
      } catch (e) {
        yield { ok: false, file: where, error: `invalid JSON: ${(e as Error).message}` };
        continue;
      }
      yield fromJson(obj, where, `${id}:${i + 1}`, opts, note);
    }
  } else if (ext === '.txt') {
    yield { ok: true, file: p, article: fromPlainText(decoded.text, id, p, opts), note };
  } else {
    const article = htmlToArticle(decoded.text);
    if (!article.body.trim()) {
      yield { ok: false, file: p, error: 'no article text found in the HTML' };
      return;
    }
    yield { ok: true, file: p, note, article: { ...article, id, source: article.source ?? opts.source, published: article.published ?? opts.published ?? dateInName(p) } };
  }
}

/** The article shape of the gold files: {id, source, published, title, text, url?, …}. */
function fromJson(obj: unknown, file: string, fallbackId: string, opts: ReadOptions, note?: string): InputItem {
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return { ok: false, file, error: 'expected a JSON object with a "text" field' };
  const o = obj as Record<string, unknown>;
  const body = o.text ?? o.body;
  if (typeof body !== 'string' || !body.trim()) return { ok: false, file, error: 'missing or empty "text" field' };
  const str = (k: string) => (typeof o[k] === 'string' && (o[k] as string).trim() ? (o[k] as string) : undefined);
  const published = str('published') ?? opts.published;
  if (published && !isIsoDate(published)) return { ok: false, file, error: `invalid "published" date "${published}" (want YYYY-MM-DD)` };
  return {
    ok: true,
    file,
    note,
    article: {
      id: o.id != null ? String(o.id) : fallbackId,
      url: str('url'),
      source: str('source') ?? opts.source,
      section: str('section'),
      published,
      title: str('title') ?? '',
      introTitle: str('introTitle'),
      subTitle: str('subTitle'),
      page: str('page'),
      byline: str('byline'),
      body,
    },
  };
}

/**
 * Plain text: a short first line followed by a blank line is the title (the way
 * e-paper text dumps print it); the rest is the body.
 */
export function fromPlainText(text: string, id: string, file: string, opts: ReadOptions): Article {
  const t = text.replace(/\r\n?/g, '\n').trim();
  const m = /^([^\n]{1,80})\n\s*\n([\s\S]*)$/.exec(t);
  const isTitle = m && !/[。！？]$/.test(m[1].trim());
  return {
    id,
    source: opts.source,
    published: opts.published ?? dateInName(file),
    title: isTitle ? m![1].trim() : '',
    // Text dumps of e-paper pages carry the layout's cuts (党建电子 / blank line / 沙盘观摩中).
    // JSON articles are taken as given: their offsets must match what the caller holds.
    body: repairBody(isTitle ? m![2] : t),
  };
}

function dateInName(file: string): string | undefined {
  const m = /(\d{4})[-_]?(\d{2})[-_]?(\d{2})/.exec(basename(file));
  const d = m && `${m[1]}-${m[2]}-${m[3]}`;
  return d && isIsoDate(d) ? d : undefined;
}

/** A real calendar day in YYYY-MM-DD form (2017-02-30 is not). */
export { isIsoDate };

import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from '../errors.ts';
import { DICTIONARY_DIGEST, DICTIONARY_FILES, EXTRACTOR_VERSION } from '../nlp/version.ts';
import { articleScope, type ScopeFilters } from '../query/scope.ts';
import type { Store } from '../store/db.ts';
import { VERSION } from '../version.ts';
import { writeCodebook, type Examples } from './codebook.ts';
import { CsvWriter } from './csv.ts';
import { JsonlWriter } from './jsonl.ts';
import { ParquetTableWriter } from './parquet.ts';
import { SCOPE_MARK, TABLE_NAMES, TABLES, type TableSpec } from './tables.ts';

export type ExportFormat = 'csv' | 'jsonl' | 'parquet';
export const EXPORT_FORMATS: ExportFormat[] = ['csv', 'jsonl', 'parquet'];

export interface ExportOptions extends ScopeFilters {
  /** The bundle folder: must not exist, or be empty. */
  out: string;
  formats?: ExportFormat[];
  /** Tables to write (default: all). */
  tables?: string[];
  /** UTF-8 byte-order mark on CSV files, for Excel. */
  excel?: boolean;
  /** Called every `progressEvery` rows and at the end of each table. */
  onProgress?: (table: string, rows: number) => void;
  progressEvery?: number;
}

export interface ExportResult {
  out: string;
  articles: number;
  tables: { name: string; rows: number; files: string[] }[];
  files: string[];
}

export interface Manifest {
  newsmine_version: string;
  extractor_version: string;
  dictionary_digest: string;
  dictionaries: { file: string; sha256: string }[];
  schema_version: number;
  created_at: string;
  database: string;
  query: string | null;
  filters: { from: string | null; to: string | null; source: string | null };
  formats: ExportFormat[];
  excel: boolean;
  articles: number;
  /** Extractor versions of the exported articles: more than one means mixed extraction runs. */
  article_extractor_versions: string[];
  tables: { name: string; rows: number; files: string[] }[];
}

/** Checks names before anything is touched, so a typo costs nothing. */
function checkOptions(o: ExportOptions): { formats: ExportFormat[]; tables: TableSpec[] } {
  const formats = o.formats?.length ? [...new Set(o.formats)] : ['csv' as const];
  for (const f of formats) {
    if (!EXPORT_FORMATS.includes(f)) throw new UserError(`--format: unknown format "${f}" (use ${EXPORT_FORMATS.join(', ')})`, 2);
  }
  const names = o.tables?.length ? [...new Set(o.tables)] : TABLE_NAMES;
  for (const n of names) {
    if (!TABLE_NAMES.includes(n)) throw new UserError(`--tables: unknown table "${n}" (tables: ${TABLE_NAMES.join(', ')})`, 2);
  }
  return { formats, tables: TABLES.filter((t) => names.includes(t.name)) };
}

function checkOut(out: string): void {
  if (!existsSync(out)) return;
  if (!statSync(out).isDirectory()) throw new UserError(`--out: ${out} exists and is not a folder`);
  if (readdirSync(out).length) throw new UserError(`--out: ${out} exists and is not empty (choose a new folder; nothing was written)`);
}

/**
 * Writes a dataset bundle: one file per table and format, codebook.csv/.md and
 * manifest.json. Rows stream from SQLite into every format at once, inside one read
 * transaction (a crawl running meanwhile cannot make the tables disagree). Everything
 * is written into a hidden sibling folder renamed to `out` at the end, so a bundle that
 * exists is complete; on failure the partial folder is removed.
 */
export function exportBundle(store: Store, opts: ExportOptions): ExportResult {
  const { formats, tables } = checkOptions(opts);
  const out = resolve(opts.out);
  checkOut(out);
  const tmp = join(dirname(out), `.${basename(out)}.partial-${process.pid}-${Date.now()}`);
  const db = store.db;
  db.exec('BEGIN');
  let scope: ReturnType<typeof articleScope> | undefined;
  try {
    scope = articleScope(store, opts);
    const articles = (db.prepare(`SELECT count(*) AS n FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE ${scope.where}`).get(...scope.params) as { n: number }).n;
    if (!articles) throw new UserError('no articles match the query and filters; nothing was written');
    mkdirSync(dirname(out), { recursive: true });
    mkdirSync(tmp);
    const examples: Examples = new Map();
    const result: ExportResult = { out, articles, tables: [], files: [] };
    for (const t of tables) {
      const rows = writeTable(t, tmp, formats, opts, scope, examples, store);
      const files = formats.map((f) => `${t.name}.${f}`);
      result.tables.push({ name: t.name, rows, files });
      result.files.push(...files);
    }
    result.files.push(...writeCodebook(tmp, tables, examples, { excel: opts.excel }));
    const manifest: Manifest = {
      newsmine_version: VERSION,
      extractor_version: EXTRACTOR_VERSION,
      dictionary_digest: DICTIONARY_DIGEST,
      dictionaries: DICTIONARY_FILES,
      schema_version: db.pragma('user_version', { simple: true }) as number,
      created_at: new Date().toISOString(),
      database: store.path,
      query: opts.query ?? null,
      filters: { from: opts.from ?? null, to: opts.to ?? null, source: opts.source ?? null },
      formats, excel: !!opts.excel, articles,
      article_extractor_versions: (db.prepare(`SELECT DISTINCT a.extractor_version FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE ${scope.where} ORDER BY 1`)
        .pluck().all(...scope.params) as string[]),
      tables: result.tables,
    };
    writeFileSync(join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
    result.files.push('manifest.json');
    if (existsSync(out)) rmdirSync(out); // checked empty above
    renameSync(tmp, out);
    return result;
  } catch (e) {
    try { rmSync(tmp, { recursive: true, force: true }); } catch { /* never created */ }
    // A full disk or a folder we may not write to is the user's to fix, not a bug.
    if ((e as NodeJS.ErrnoException).code && !(e instanceof UserError)) {
      throw new UserError(`export to ${out} failed: ${(e as Error).message} (nothing was written)`);
    }
    throw e;
  } finally {
    scope?.dispose();
    db.exec('COMMIT');
  }
}

interface Sink {
  write(row: Record<string, unknown>): void;
  close(): void;
}

function writeTable(
  t: TableSpec, dir: string, formats: ExportFormat[], opts: ExportOptions,
  scope: { where: string; params: unknown[] }, examples: Examples, store: Store,
): number {
  const names = t.columns.map((c) => c.name);
  const sinks: Sink[] = formats.map((f) => {
    const path = join(dir, `${t.name}.${f}`);
    if (f === 'csv') return new CsvWriter(path, names, { excel: opts.excel });
    if (f === 'jsonl') return new JsonlWriter(path, names);
    return new ParquetTableWriter(path, t.columns);
  });
  let sql: string, params: unknown[];
  if (t.sql.includes(SCOPE_MARK)) {
    const parts = t.sql.split(SCOPE_MARK);
    sql = parts.join(`(${scope.where})`);
    params = Array.from({ length: parts.length - 1 }, () => scope.params).flat();
  } else {
    sql = `${t.sql} WHERE ${scope.where}${t.order ? ` ORDER BY ${t.order}` : ''}`;
    params = scope.params;
  }
  const seen = new Map<string, unknown>();
  examples.set(t.name, seen);
  let n = 0;
  const every = opts.progressEvery ?? 10_000;
  try {
    for (const row of store.db.prepare(sql).iterate(...params) as IterableIterator<Record<string, unknown>>) {
      t.derive?.(row);
      for (const s of sinks) s.write(row);
      if (seen.size < names.length) {
        for (const c of names) if (!seen.has(c) && row[c] != null && row[c] !== '') seen.set(c, row[c]);
      }
      if (++n % every === 0) opts.onProgress?.(t.name, n);
    }
  } finally {
    for (const s of sinks) s.close();
  }
  opts.onProgress?.(t.name, n);
  return n;
}

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvLine } from './csv.ts';
import type { TableSpec } from './tables.ts';

/** First non-empty value seen per table and column, for the codebook's example column. */
export type Examples = Map<string, Map<string, unknown>>;

const EXAMPLE_CHARS = 60;

function exampleText(v: unknown): string {
  if (v == null) return '';
  const s = String(v).replace(/\s+/g, ' ');
  return [...s].length > EXAMPLE_CHARS ? [...s].slice(0, EXAMPLE_CHARS).join('') + '…' : s;
}

/**
 * codebook.csv (table, column, type, meaning, example: for scripts) and codebook.md (the
 * same for people, with each table's meaning). Examples come from the exported rows.
 */
export function writeCodebook(dir: string, tables: TableSpec[], examples: Examples, opts: { excel?: boolean } = {}): string[] {
  let csv = (opts.excel ? '\ufeff' : '') + csvLine(['table', 'column', 'type', 'meaning', 'example']);
  const md = ['# Codebook', '', 'Every table of this export, every column: what it means, its type, and an example from the data.',
    'Ids are stable: `article_id` joins every table to `articles`; offsets are code points into `articles.text`.',
    'Types: integer (Parquet INT64), number (DOUBLE), string and date (UTF-8 text; dates as YYYY-MM-DD). Empty = missing (null in JSONL and Parquet).', ''];
  for (const t of tables) {
    md.push(`## ${t.name}`, '', t.meaning, '', '| column | type | meaning | example |', '| --- | --- | --- | --- |');
    for (const c of t.columns) {
      const ex = exampleText(examples.get(t.name)?.get(c.name));
      csv += csvLine([t.name, c.name, c.type, c.meaning, ex]);
      md.push(`| ${c.name} | ${c.type} | ${c.meaning.replace(/\|/g, '\\|')} | ${ex.replace(/\|/g, '\\|')} |`);
    }
    md.push('');
  }
  writeFileSync(join(dir, 'codebook.csv'), csv);
  writeFileSync(join(dir, 'codebook.md'), md.join('\n'));
  return ['codebook.csv', 'codebook.md'];
}

import type { Command } from 'commander';
import { UserError } from '../../errors.ts';
import { EXPORT_FORMATS, exportBundle, type ExportFormat } from '../../export/bundle.ts';
import { TABLE_NAMES } from '../../export/tables.ts';
import { storeFor } from '../context.ts';
import { addFilterOptions, printJson, type FilterCliOptions } from '../filter-options.ts';
import { renderTable } from '../format.ts';

const list = (v: string | undefined) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined);

export function registerExport(program: Command): void {
  const cmd = program
    .command('export')
    .description('Write a dataset bundle: one file per table and format, a codebook and a manifest')
    .argument('[query]', 'only articles matching this search query (same syntax as search); default all')
    .requiredOption('--out <dir>', 'bundle folder (must not exist, or be empty)')
    .option('--format <list>', `comma-separated: ${EXPORT_FORMATS.join(',')}`, 'csv')
    .option('--tables <list>', `comma-separated subset of: ${TABLE_NAMES.join(',')}`)
    .option('--excel', 'start CSV files with a UTF-8 byte-order mark so Excel reads the Chinese correctly');
  addFilterOptions(cmd, { query: false })
    .addHelpText('after', `
Every extracted row carries its provenance (article_id, url, published, char_start,
char_end, sentence); ids are the database's and join the tables. codebook.md/.csv
explain every column; manifest.json records the query, filters, row counts and versions.
The bundle is written to a hidden sibling folder and renamed when complete.

Examples:
  newsmine export --out dataset --format csv,parquet
  newsmine export '"河长制" OR 河湖长制' --from 2017 --source 新郑时报 --out rivers --format parquet
  newsmine export --out for-excel --excel --tables articles,officials,figures`)
    .action((query: string | undefined, o: FilterCliOptions & { out: string; format?: string; tables?: string; excel?: boolean }, c: Command) => {
      const formats = list(o.format) as ExportFormat[] | undefined;
      const store = storeFor(c, { mustExist: true });
      const started = Date.now();
      let res;
      try {
        res = exportBundle(store, {
          out: o.out, query, from: o.from, to: o.to, source: o.source, formats, tables: list(o.tables), excel: o.excel,
          onProgress: (t, n) => { if (n && n % 100_000 === 0) process.stderr.write(`export ${t}: ${n} rows\n`); },
        });
      } finally {
        store.close();
      }
      if (!res) throw new UserError('export failed');
      if (o.json) return printJson(res);
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(`exported ${res.articles} article${res.articles === 1 ? '' : 's'} to ${res.out} in ${secs} s\n`);
      process.stdout.write(renderTable(res.tables, [
        { header: 'table', value: (t) => t.name },
        { header: 'rows', value: (t) => t.rows, right: true },
        { header: 'files', value: (t) => t.files.join(' ') },
      ]));
      process.stdout.write('plus codebook.md, codebook.csv, manifest.json\n');
    });
}

import type { Command } from 'commander';
import { declaredPlace } from '../../crawl/sources.ts';
import { listInputs, readInputFile, type InputItem } from '../../input/read.ts';
import { ingestArticle, type IngestStatus } from '../../store/ingest.ts';
import { batchWriter } from '../../store/batch.ts';
import { UserError } from '../../errors.ts';
import { checkPublished, storeFor } from '../context.ts';
import { progress } from '../progress.ts';

export interface IngestSummary {
  new: number;
  updated: number;
  unchanged: number;
  failed: { file: string; error: string }[];
}

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('Read articles from files, extract everything, and store and index them (idempotent)')
    .argument('<paths...>', '.txt, .html, .json or .jsonl files, or directories (read recursively)')
    .option('--published <date>', 'publication date for inputs that carry none (YYYY-MM-DD)')
    .option('--source <name>', 'source name for inputs that carry none', 'file')
    .option('--json', 'print the summary as JSON')
    .action((paths: string[], opts: { published?: string; source?: string; json?: boolean }, cmd: Command) => {
      checkPublished(opts.published);
      // Files are listed first (cheap) so the bar has a total; articles stream one file at a time.
      const files = listInputs(paths);
      const store = storeFor(cmd);
      const sum: IngestSummary = { new: 0, updated: 0, unchanged: 0, failed: [] };
      const bar = progress(files.length, 'ingest', 50);
      const batch = batchWriter(store);
      try {
        for (const f of files) {
          const items: Iterable<InputItem> = 'error' in f ? [{ ok: false, file: f.file, error: f.error }] : readInputFile(f.file, opts);
          for (const item of items) {
            const status = batch.run(() => ingestOne(store, item, sum));
            if (status) sum[status]++;
          }
          bar.tick(f.file);
        }
        batch.flush();
      } finally {
        bar.stop();
        store.close();
      }
      if (opts.json) process.stdout.write(JSON.stringify(sum) + '\n');
      else {
        process.stdout.write(`ingested into ${store.path}: ${sum.new} new, ${sum.updated} updated, ${sum.unchanged} unchanged, ${sum.failed.length} failed\n`);
      }
      for (const f of sum.failed) process.stderr.write(`newsmine: ${f.file}: ${f.error}\n`);
      const stored = sum.new + sum.updated + sum.unchanged;
      if (stored === 0) throw new UserError(sum.failed.length ? 'nothing could be ingested' : 'no input files found');
      if (sum.failed.length) process.exitCode = 1;
    });
}

function ingestOne(store: Parameters<typeof ingestArticle>[0], item: InputItem, sum: IngestSummary): IngestStatus | undefined {
  if (!item.ok) {
    sum.failed.push({ file: item.file, error: item.error });
    return undefined;
  }
  if (item.note) process.stderr.write(`newsmine: ${item.file}: ${item.note}\n`);
  item.article.place ??= declaredPlace(item.article.source, item.article.section);
  try {
    return ingestArticle(store, item.article, { sourceKind: 'file' }).status;
  } catch (e) {
    // The article's own savepoint has rolled back; the rest of the batch goes on.
    sum.failed.push({ file: item.file, error: `could not be stored: ${(e as Error).message}` });
    return undefined;
  }
}

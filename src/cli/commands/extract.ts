import type { Command } from 'commander';
import { readInputs } from '../../input/read.ts';
import { extractArticle } from '../../nlp/extract.ts';
import { UserError } from '../../errors.ts';
import { checkPublished } from '../context.ts';
import { declaredPlace } from '../../crawl/sources.ts';

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('Extract officials, persons, bylines, dates, figures, initiatives, documents and orgs; print one JSON object per article per line')
    .argument('<paths...>', '.txt, .html, .json or .jsonl files, or directories (read recursively)')
    .option('--published <date>', 'publication date for inputs that carry none (YYYY-MM-DD)')
    .option('--source <name>', 'source name for inputs that carry none')
    .addHelpText('after', '\nOutput: {"id", "title", "published", "officials": [{name, titles, place, placeCode, placeLevel, posts, mentions}], "persons", "bylines", "dates", "figures" (with place, placeCode), "initiatives" (same), "documents", "orgs"}; every item carries start/end (code-point offsets into title + blank line + body) and its sentence.')
    .action((paths: string[], opts: { published?: string; source?: string }) => {
      checkPublished(opts.published);
      let ok = 0, failed = 0;
      for (const item of readInputs(paths, opts)) {
        if (!item.ok) {
          failed++;
          process.stderr.write(`newsmine: ${item.file}: ${item.error}\n`);
          continue;
        }
        if (item.note) process.stderr.write(`newsmine: ${item.file}: ${item.note}\n`);
        const a = item.article;
        a.place ??= declaredPlace(a.source, a.section);
        const ex = extractArticle(a);
        process.stdout.write(JSON.stringify({ id: a.id, title: a.title, published: a.published ?? null, ...ex }) + '\n');
        ok++;
      }
      if (ok === 0) throw new UserError(failed ? 'nothing could be extracted' : 'no input files found');
      if (failed) process.exitCode = 1;
    });
}

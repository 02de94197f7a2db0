import type { Command } from 'commander';
import { openStore } from '../../store/db.ts';
import { search } from '../../store/search.ts';
import { startSampleSite } from '../../crawl/sample.ts';
import { crawlAll, nothingCrawled } from '../../crawl/run.ts';
import { UserError } from '../../errors.ts';
import { crawlProgress, printOutcome } from './crawl.ts';

/** Queries that show what the archive is for: a campaign, a place, a section, a date range. */
const EXAMPLES: { query: string; source?: string; from?: string; to?: string; note: string }[] = [
  { query: '河长制', note: 'a policy campaign across papers' },
  { query: '植树', source: '新郑时报', note: 'one county section of the e-paper' },
  { query: '安全生产', note: 'e-paper and portal together' },
  { query: '项目', from: '2024-03-05', to: '2024-03-06', note: 'a date range' },
];

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('Serve the bundled sample site on 127.0.0.1, crawl it with the real crawler, store it, and run example searches')
    .option('--json', 'print the crawl summaries as JSON')
    .addHelpText('after', '\nThe database is --db when given, else ./newsmine-demo.db (your main archive is left alone).')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const server = await startSampleSite();
      const store = openStore((cmd.optsWithGlobals().db as string | undefined) ?? 'newsmine-demo.db');
      try {
        process.stdout.write(`sample site served at ${server.origin}; database ${store.path}\n`);
        const bars = crawlProgress();
        const outcome = await crawlAll(store, server.sources, (key) => ({ ...server.optionsFor(key), onProgress: bars.update }))
          .finally(() => bars.stop());
        printOutcome(outcome, !!opts.json);
        if (nothingCrawled(outcome)) throw new UserError('the demo crawl stored nothing');
        for (const ex of EXAMPLES) {
          const { total, hits } = search(store, { ...ex, limit: 3 });
          const filters = [ex.source && `--source ${ex.source}`, ex.from && `--from ${ex.from}`, ex.to && `--to ${ex.to}`].filter(Boolean).join(' ');
          process.stdout.write(`\n$ newsmine search "${ex.query}"${filters ? ` ${filters}` : ''}    # ${ex.note}: ${total} hit${total === 1 ? '' : 's'}\n`);
          for (const h of hits) {
            process.stdout.write(`  ${h.published ?? '????-??-??'}  ${h.section ?? h.source ?? ''}  ${h.title}\n      ${h.snippet}\n`);
          }
        }
      } finally {
        store.close();
        await server.close();
      }
    });
}

import type { Command } from 'commander';
import { search } from '../../store/search.ts';
import { UserError } from '../../errors.ts';
import { intOption, storeFor } from '../context.ts';
import { highlight, renderTable } from '../format.ts';

interface SearchCliOptions {
  from?: string; to?: string; source?: string; limit?: string; offset?: string; sort?: string; json?: boolean;
}

export function registerSearch(program: Command): void {
  program
    .command('search')
    .description('Ranked full-text search over titles and bodies')
    .argument('<query>', 'words (AND-ed), "a phrase", AND / OR / NOT, ( ), NEAR(a b, N), title:word')
    .option('--from <date>', 'published on or after (YYYY-MM-DD, YYYY-MM or YYYY)')
    .option('--to <date>', 'published on or before')
    .option('--source <name>', 'source key, newspaper name or e-paper section')
    .option('--limit <n>', 'hits to show', '20')
    .option('--offset <n>', 'hits to skip (paging)', '0')
    .option('--sort <order>', 'relevance or date', 'relevance')
    .option('--json', 'one JSON object: {total, hits: [...]}')
    .addHelpText('after', `
Examples:
  newsmine search 李强                      a two-character name, whole words only
  newsmine search '"乡村振兴" AND 产业'        phrase and boolean
  newsmine search 'NEAR(书记 观摩, 10)'      two words within 10 words
  newsmine search 招商引资 --from 2017-01 --to 2017-12 --source 新郑时报`)
    .action((query: string, o: SearchCliOptions, cmd: Command) => {
      if (o.sort !== 'relevance' && o.sort !== 'date') throw new UserError(`--sort: "${o.sort}" (use relevance or date)`, 2);
      const opts = { query, from: o.from, to: o.to, source: o.source, limit: intOption('--limit', o.limit, 20), offset: intOption('--offset', o.offset, 0), sort: o.sort as 'relevance' | 'date' };
      const store = storeFor(cmd, { mustExist: true });
      try {
        const res = search(store, opts);
        if (o.json) {
          process.stdout.write(JSON.stringify(res) + '\n');
          return;
        }
        process.stdout.write(`${res.total} article${res.total === 1 ? '' : 's'} match${res.total === 1 ? 'es' : ''}\n`);
        if (!res.hits.length) return;
        process.stdout.write(renderTable(res.hits, [
          { header: 'id', value: (h) => h.id, right: true },
          { header: 'date', value: (h) => h.published },
          { header: 'source', value: (h) => h.section ?? h.source, max: 12 },
          { header: 'title', value: (h) => h.title, max: 40 },
        ]));
        for (const h of res.hits) process.stdout.write(`  #${h.id} ${highlight(h.snippet)}\n`);
      } finally {
        store.close();
      }
    });
}

import type { Command } from 'commander';
import type { ScopeFilters } from '../query/scope.ts';

export interface FilterCliOptions {
  from?: string;
  to?: string;
  source?: string;
  query?: string;
  json?: boolean;
}

/** --from, --to, --source (and --query unless the command takes the query as its argument), and --json. */
export function addFilterOptions(cmd: Command, opts: { query?: boolean } = {}): Command {
  cmd.option('--from <date>', 'published on or after (YYYY-MM-DD, YYYY-MM or YYYY)')
    .option('--to <date>', 'published on or before')
    .option('--source <name>', 'source key, newspaper name or e-paper section');
  if (opts.query !== false) cmd.option('--query <q>', 'only articles matching this search query (same syntax as search)');
  return cmd.option('--json', 'one JSON document for scripts');
}

export const filtersOf = (o: FilterCliOptions): ScopeFilters => ({ from: o.from, to: o.to, source: o.source, query: o.query });

export const printJson = (v: unknown): void => { process.stdout.write(JSON.stringify(v) + '\n'); };

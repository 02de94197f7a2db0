import type { Command } from 'commander';
import { listOfficials } from '../../query/officials.ts';
import { intOption, storeFor } from '../context.ts';
import { addFilterOptions, filtersOf, printJson, type FilterCliOptions } from '../filter-options.ts';
import { renderTable } from '../format.ts';

export const dateRange = (a: string | null, b: string | null): string => (a === b ? a ?? '' : `${a ?? '?'}..${b ?? '?'}`);

export function registerOfficials(program: Command): void {
  const cmd = program
    .command('officials')
    .description('One row per distinct official (name + place): titles held with first and last dates seen, article count')
    .option('--name <name>', 'exact name')
    .option('--title <part>', 'officials holding a title containing this (书记, 副县长, 新郑市委)')
    .option('--place <place>', 'only this place and what lies inside it: 新郑市, 新郑 or the code 410184 (郑州市 takes its counties)')
    .option('--limit <n>', 'rows to show (0 = all)', '50');
  addFilterOptions(cmd)
    .addHelpText('after', `
Place: whose post it is, from the gazetteer: the place the title names (新郑市委书记 -> 新郑市),
else the place the article names at the title's level, else the place data/sources declares
for the section (新郑时报 -> 新郑市); never a newspaper's name. Two people with one name in two
counties are two rows. Titles are shown as posts: place + office (新郑市 市委书记).

Examples:
  newsmine officials --title 书记 --source 新郑时报
  newsmine officials --name 韩振东 --json`)
    .action((o: FilterCliOptions & { name?: string; title?: string; place?: string; limit?: string }, c: Command) => {
      const limit = intOption('--limit', o.limit, 50);
      const store = storeFor(c, { mustExist: true });
      try {
        const all = listOfficials(store, { ...filtersOf(o), name: o.name, title: o.title, place: o.place });
        const rows = limit ? all.slice(0, limit) : all;
        if (o.json) return printJson({ total: all.length, officials: rows.map(({ articleIds: _a, ...r }) => r) });
        process.stdout.write(`${all.length} official${all.length === 1 ? '' : 's'}${rows.length < all.length ? ` (showing ${rows.length}; --limit 0 for all)` : ''}\n`);
        if (!rows.length) return;
        process.stdout.write(renderTable(rows, [
          { header: 'name', value: (r) => r.name },
          { header: 'place', value: (r) => r.place },
          { header: 'articles', value: (r) => r.articles, right: true },
          { header: 'seen', value: (r) => dateRange(r.first, r.last) },
          { header: 'titles (first..last seen)', value: (r) => r.titles.map((t) => `${t.post} ${dateRange(t.first, t.last)}`).join('; '), max: 70 },
        ]));
      } finally {
        store.close();
      }
    });
}

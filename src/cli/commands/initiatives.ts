import type { Command } from 'commander';
import { listInitiatives } from '../../query/initiatives.ts';
import { intOption, storeFor } from '../context.ts';
import { addFilterOptions, filtersOf, printJson, type FilterCliOptions } from '../filter-options.ts';
import { renderTable } from '../format.ts';
import { dateRange } from './officials.ts';

export function registerInitiatives(program: Command): void {
  const cmd = program
    .command('initiatives')
    .description('Each initiative (quoted campaign or slogan) with the sources and places that mention it, first and last seen')
    .option('--top <n>', 'most widespread N (0 = all)', '20')
    .option('--place <place>', 'only this place and what lies inside it: 新郑市, 新郑 or the code 410184 (郑州市 takes its counties)');
  addFilterOptions(cmd)
    .addHelpText('after', `
Places are where each mention runs it: the most local place its sentence names, else the
place the article is about (the place declared for the section when the article names it or none).

Examples:
  newsmine initiatives --top 10
  newsmine initiatives --from 2020 --source 新郑时报 --json`)
    .action((o: FilterCliOptions & { top?: string; place?: string }, c: Command) => {
      const top = intOption('--top', o.top, 20);
      const store = storeFor(c, { mustExist: true });
      try {
        const rows = listInitiatives(store, { ...filtersOf(o), top: top || undefined, place: o.place });
        if (o.json) return printJson({ initiatives: rows });
        if (!rows.length) return void process.stdout.write('no initiatives in the selected articles\n');
        process.stdout.write(renderTable(rows, [
          { header: 'initiative', value: (r) => r.text, max: 30 },
          { header: 'articles', value: (r) => r.articles, right: true },
          { header: 'seen', value: (r) => dateRange(r.first, r.last) },
          { header: 'places', value: (r) => r.places.join('、'), max: 30 },
          { header: 'sources', value: (r) => r.sources.join('、'), max: 30 },
        ]));
      } finally {
        store.close();
      }
    });
}

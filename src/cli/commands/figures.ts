import type { Command } from 'commander';
import { listFigures } from '../../query/figures.ts';
import { intOption, storeFor } from '../context.ts';
import { addFilterOptions, filtersOf, printJson, type FilterCliOptions } from '../filter-options.ts';
import { renderTable } from '../format.ts';

export function registerFigures(program: Command): void {
  const cmd = program
    .command('figures')
    .description('The figure table: metric, value, unit, date, the period the sentence gives, place, article and sentence')
    .option('--metric <part>', 'metrics containing this (一般公共预算收入, 投资)')
    .option('--unit <unit>', 'base unit (元, %, 亩, 个)')
    .option('--place <place>', 'only this place and what lies inside it: 新郑市, 新郑 or the code 410184 (郑州市 takes its counties)')
    .option('--limit <n>', 'rows to show (0 = all)', '50');
  addFilterOptions(cmd)
    .addHelpText('after', `
Examples:
  newsmine figures --metric 收入 --unit 元
  newsmine figures --source 新郑时报 --from 2017 --json`)
    .action((o: FilterCliOptions & { metric?: string; unit?: string; place?: string; limit?: string }, c: Command) => {
      const limit = intOption('--limit', o.limit, 50);
      const store = storeFor(c, { mustExist: true });
      try {
        const res = listFigures(store, { ...filtersOf(o), metric: o.metric, unit: o.unit, place: o.place, limit: limit || undefined });
        if (o.json) return printJson(res);
        process.stdout.write(`${res.total} figure${res.total === 1 ? '' : 's'}${res.rows.length < res.total ? ` (showing ${res.rows.length}; --limit 0 for all)` : ''}\n`);
        if (!res.rows.length) return;
        process.stdout.write(renderTable(res.rows, [
          { header: 'date', value: (r) => r.published },
          { header: 'period', value: (r) => r.period },
          { header: 'place', value: (r) => r.place, max: 10 },
          { header: 'metric', value: (r) => r.metric, max: 22 },
          { header: 'value', value: (r) => r.value, right: true },
          { header: 'unit', value: (r) => r.unit },
          { header: 'as written', value: (r) => r.text, max: 14 },
          { header: 'article', value: (r) => r.articleId, right: true },
          { header: 'sentence', value: (r) => r.sentence, max: 40 },
        ]));
      } finally {
        store.close();
      }
    });
}

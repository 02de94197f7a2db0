import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { UserError } from '../../errors.ts';
import { barChartSvg } from '../../export/svg-chart.ts';
import { PERIODS, type Period } from '../../query/periods.ts';
import { timeline } from '../../query/timeline.ts';
import { storeFor } from '../context.ts';
import { addFilterOptions, printJson, type FilterCliOptions } from '../filter-options.ts';
import { renderTable } from '../format.ts';

const BAR_WIDTH = 40;
const pct = (v: number) => `${(v * 100).toFixed(v && v < 0.1 ? 2 : 1)}%`;

export function registerTimeline(program: Command): void {
  const cmd = program
    .command('timeline')
    .description('Articles matching a query per month, quarter or year, as a share of all articles in the period')
    .argument('<query>', 'search query (same syntax as search)')
    .option('--by <period>', 'month, quarter or year', 'month')
    .option('--raw', 'chart raw counts instead of the share of all articles')
    .option('--chart <file.svg>', 'also write the chart as an SVG figure');
  addFilterOptions(cmd, { query: false })
    .addHelpText('after', `
The share normalises for how much was published: a year with twice the pages does not
look like twice the attention. Periods with no matching article show as 0.

Examples:
  newsmine timeline 河长制 --by quarter
  newsmine timeline '"乡村振兴"' --by year --source 新郑时报 --chart rural.svg`)
    .action((query: string, o: FilterCliOptions & { by?: string; raw?: boolean; chart?: string }, c: Command) => {
      if (!PERIODS.includes(o.by as Period)) throw new UserError(`--by: "${o.by}" (use ${PERIODS.join(', ')})`, 2);
      if (o.chart && !/\.svg$/i.test(o.chart)) throw new UserError(`--chart: "${o.chart}" must end in .svg`, 2);
      const store = storeFor(c, { mustExist: true });
      let rows;
      try {
        rows = timeline(store, { query, by: o.by as Period, from: o.from, to: o.to, source: o.source });
      } finally {
        store.close();
      }
      const value = (r: (typeof rows)[number]) => (o.raw ? r.count : r.share);
      const fmt = (v: number) => (o.raw ? String(v) : pct(v));
      if (o.chart) {
        writeFileSync(o.chart, barChartSvg(rows.map((r) => ({ label: r.period, value: value(r) })), {
          title: `${query}: ${o.raw ? 'articles' : 'share of articles'} by ${o.by}`,
          yLabel: o.raw ? 'articles' : 'share of all articles', format: fmt,
        }));
      }
      if (o.json) return printJson({ query, by: o.by, normalised: !o.raw, rows });
      const hits = rows.reduce((n, r) => n + r.count, 0);
      process.stdout.write(`${query}: ${hits} article${hits === 1 ? '' : 's'} by ${o.by}${o.chart ? `; chart written to ${o.chart}` : ''}\n`);
      if (!rows.length) return;
      const max = Math.max(...rows.map(value)) || 1;
      process.stdout.write(renderTable(rows, [
        { header: o.by!, value: (r) => r.period },
        { header: 'articles', value: (r) => r.count, right: true },
        { header: 'of all', value: (r) => r.total, right: true },
        { header: 'share', value: (r) => pct(r.share), right: true },
        { header: '', value: (r) => '█'.repeat(Math.round((value(r) / max) * BAR_WIDTH)) || (r.count ? '▏' : '') },
      ]));
    });
}

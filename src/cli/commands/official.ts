import type { Command } from 'commander';
import { UserError } from '../../errors.ts';
import { PERIODS, type Period } from '../../query/periods.ts';
import { officialProfiles } from '../../query/profile.ts';
import { intOption, storeFor } from '../context.ts';
import { addFilterOptions, filtersOf, printJson, type FilterCliOptions } from '../filter-options.ts';
import { renderTable } from '../format.ts';
import { dateRange } from './officials.ts';

export function registerOfficial(program: Command): void {
  const cmd = program
    .command('official')
    .description('Profile of an official: posts with date ranges, appearances over time, co-appearing officials, initiatives and figures')
    .argument('<name>', 'the official\'s full name')
    .option('--place <place>', 'only the official of this county or city, when the name is shared (新郑市 or 新郑)')
    .option('--by <period>', 'appearances per month, quarter or year', 'month')
    .option('--top <n>', 'co-appearing officials, initiatives and figures to list', '10');
  addFilterOptions(cmd)
    .addHelpText('after', `
Examples:
  newsmine official 韩振东
  newsmine official 刘建武 --place 新郑市 --by quarter --json`)
    .action((name: string, o: FilterCliOptions & { place?: string; by?: string; top?: string }, c: Command) => {
      if (!PERIODS.includes(o.by as Period)) throw new UserError(`--by: "${o.by}" (use ${PERIODS.join(', ')})`, 2);
      const top = intOption('--top', o.top, 10);
      const store = storeFor(c, { mustExist: true });
      let profiles;
      try {
        profiles = officialProfiles(store, name, { ...filtersOf(o), place: o.place, by: o.by as Period });
      } finally {
        store.close();
      }
      if (o.json) return printJson({ profiles });
      if (!profiles.length) throw new UserError(`no official named ${name}${o.place ? ` in ${o.place}` : ''} in the selected articles`);
      if (profiles.length > 1) process.stdout.write(`${profiles.length} officials named ${name}, one per place (--place to pick one)\n\n`);
      const cut = <T>(xs: T[]) => (top ? xs.slice(0, top) : xs);
      for (const p of profiles) {
        process.stdout.write(`# ${p.name}${p.place ? ` (${p.place})` : ''}: ${p.appearances.length} article${p.appearances.length === 1 ? '' : 's'}, ${dateRange(p.first, p.last)}\n\n`);
        process.stdout.write('posts:\n' + renderTable(p.posts, [
          { header: 'post', value: (r) => r.post },
          { header: 'as printed', value: (r) => r.printed.join('、'), max: 30 },
          { header: 'first', value: (r) => r.first },
          { header: 'last', value: (r) => r.last },
          { header: 'articles', value: (r) => r.articles, right: true },
        ]) + '\n');
        process.stdout.write(`appearances by ${o.by}: ${p.timeline.map((t) => `${t.period} ${t.articles}`).join(', ')}\n\n`);
        process.stdout.write('articles:\n' + renderTable(p.appearances, [
          { header: 'id', value: (r) => r.articleId, right: true },
          { header: 'date', value: (r) => r.published },
          { header: 'source', value: (r) => r.source, max: 12 },
          { header: 'as', value: (r) => r.titles.join('、'), max: 24 },
          { header: 'title', value: (r) => r.title, max: 40 },
        ]) + '\n');
        if (p.coOfficials.length) {
          process.stdout.write('appears with:\n' + renderTable(cut(p.coOfficials), [
            { header: 'name', value: (r) => r.name },
            { header: 'place', value: (r) => r.place },
            { header: 'articles', value: (r) => r.articles, right: true },
          ]) + '\n');
        }
        if (p.initiatives.length) process.stdout.write(`initiatives: ${cut(p.initiatives).map((i) => `${i.text} (${i.articles})`).join('; ')}\n\n`);
        if (p.figures.length) {
          process.stdout.write(`figures (${p.figures.length}):\n` + renderTable(cut(p.figures), [
            { header: 'date', value: (r) => r.published },
            { header: 'metric', value: (r) => r.metric, max: 20 },
            { header: 'figure', value: (r) => r.text },
            { header: 'article', value: (r) => r.articleId, right: true },
          ]) + '\n');
        }
      }
    });
}

import type { Command } from 'commander';
import { getArticle } from '../../store/articles.ts';
import { UserError } from '../../errors.ts';
import { storeFor } from '../context.ts';

export function registerShow(program: Command): void {
  program
    .command('show')
    .description('One stored article with everything extracted from it')
    .argument('<id>', 'article id (as printed by search)')
    .option('--json', 'print as JSON')
    .action((idArg: string, o: { json?: boolean }, cmd: Command) => {
      const id = Number(idArg);
      if (!Number.isInteger(id) || id <= 0) throw new UserError(`"${idArg}" is not an article id`, 2);
      const store = storeFor(cmd, { mustExist: true });
      let found;
      try {
        found = getArticle(store, id);
      } finally {
        store.close();
      }
      if (!found) throw new UserError(`no article with id ${id}`);
      if (o.json) {
        process.stdout.write(JSON.stringify(found) + '\n');
        return;
      }
      const a = found.article;
      const out: string[] = [];
      if (a.intro_title) out.push(a.intro_title);
      out.push(`# ${a.title}`);
      if (a.sub_title) out.push(a.sub_title);
      out.push([a.published, a.source, a.section, a.page, a.url].filter(Boolean).join(' · '), '', a.body, '');
      const section = (name: string, lines: string[]) => { if (lines.length) out.push(`${name}:`, ...lines.map((l) => `  ${l}`)); };
      section('officials', found.officials.map((r) => `${r.name}  ${r.titles.join('、')}`));
      section('bylines', found.bylines.map((r) => `${r.role} ${r.name}`));
      section('persons', [...new Set(found.persons.map((r) => r.name as string))].map(String));
      section('dates', found.dates.map((r) => `${r.text} = ${r.value}`));
      section('figures', found.figures.map((r) => `${r.text} = ${r.value} ${r.unit}${r.metric ? `  (${r.metric})` : ''}`));
      section('initiatives', found.initiatives.map((r) => String(r.text)));
      section('documents', found.documents.map((r) => `《${r.text}》`));
      section('orgs', found.orgs.map((r) => String(r.text)));
      process.stdout.write(out.join('\n') + '\n');
    });
}

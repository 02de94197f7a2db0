import type { Command } from 'commander';
import { MAX_EXPANSIONS, search, SHORT_SUBSTRING_SCAN_LIMIT } from '../../store/search.ts';
import { kwic } from '../../query/kwic.ts';
import { UserError } from '../../errors.ts';
import { intOption, storeFor } from '../context.ts';
import { displayWidth, highlight, padDisplay, renderTable } from '../format.ts';

interface SearchCliOptions {
  from?: string; to?: string; source?: string; limit?: string; offset?: string; sort?: string; json?: boolean;
  kwic?: string | boolean; count?: boolean;
}

/** Keyword-in-context width when --kwic is given without a number. */
const KWIC_WIDTH = 20;

export function registerSearch(program: Command): void {
  program
    .command('search')
    .description('Ranked full-text search over titles and bodies')
    .argument('<query>', 'words (AND-ed), "a phrase", AND / OR / NOT, ( ), NEAR(a b, N), title:word, sub:substring')
    .option('--from <date>', 'published on or after (YYYY-MM-DD, YYYY-MM or YYYY)')
    .option('--to <date>', 'published on or before')
    .option('--source <name>', 'source key, newspaper name or e-paper section (one not in the database is an error)')
    .option('--limit <n>', 'hits to show', '20')
    .option('--offset <n>', 'hits to skip (paging)', '0')
    .option('--sort <order>', 'relevance or date', 'relevance')
    .option('--kwic [n]', `keyword in context: one aligned line per hit, n characters either side (default ${KWIC_WIDTH})`)
    .option('--count', 'print only the number of matching articles')
    .option('--json', 'one JSON object: {total, hits: [...]} ({total, lines} with --kwic, {total} with --count)')
    .addHelpText('after', `
What matches:
  A query word matches a word of the text (both cut by jieba) when it is that word or one
  of the words the dictionary makes it of, split again down to pieces of two characters:
  书记 and 县委 find 县委书记, 政府 finds 人民政府, 人民 finds 中华人民共和国. Never across
  that cut: 民政 does not find 人民政府, 华人 not 中华人民共和国, 强调 not 市长李强调研.
  A one-character word alone never matches inside a compound; person names are not compounds.
  A word of 3-8 characters also matches whole words that spell it exactly (“河|长|制”).
  A phrase ("书记 观摩", or 书记观摩 unquoted) is consecutive words; its first word may end a
  compound and its last may begin one (县委书记观摩, 乡村振兴局局长 for 乡村振兴局).
  NEAR counts words, a compound as one. Hits are marked on the part: 县委[书记]. A term
  standing for more than ${MAX_EXPANSIONS} word sequences is refused.
  sub:TEXT (or sub:"…", title:sub:…) is a plain substring, across words: 3+ characters by
  the trigram index; 1-2 characters by reading the texts of the other words' hits, or of at
  most ${SHORT_SUBSTRING_SCAN_LIMIT} articles in the --from/--to/--source scope. sub: does not rank.

Examples:
  newsmine search 李强                      a two-character name, whole words only
  newsmine search 书记 --count              also 县委书记, 市委书记, 党委书记
  newsmine search '"乡村振兴" AND 产业'        phrase and boolean
  newsmine search 'NEAR(书记 观摩, 10)'      two words within 10 words
  newsmine search 'sub:人民政 OR sub:强调'     substrings, word edges ignored
  newsmine search 招商引资 --from 2017-01 --to 2017-12 --source 新郑时报
  newsmine search 河长制 --kwic 15 --sort date   a concordance, oldest-first paging by --limit/--offset articles
  newsmine search '"五星支部"' --count`)
    .action((query: string, o: SearchCliOptions, cmd: Command) => {
      if (o.sort !== 'relevance' && o.sort !== 'date') throw new UserError(`--sort: "${o.sort}" (use relevance or date)`, 2);
      const opts = { query, from: o.from, to: o.to, source: o.source, limit: intOption('--limit', o.limit, 20), offset: intOption('--offset', o.offset, 0), sort: o.sort as 'relevance' | 'date' };
      const width = o.kwic === undefined ? undefined : typeof o.kwic === 'string' ? intOption('--kwic', o.kwic, KWIC_WIDTH) : KWIC_WIDTH;
      const store = storeFor(cmd, { mustExist: true });
      try {
        if (o.count) {
          const { total } = search(store, { ...opts, limit: 0 });
          process.stdout.write(o.json ? JSON.stringify({ total }) + '\n' : `${total}\n`);
          return;
        }
        if (width !== undefined) {
          const res = kwic(store, { ...opts, width });
          if (o.json) {
            process.stdout.write(JSON.stringify(res) + '\n');
            return;
          }
          process.stdout.write(`${res.total} article${res.total === 1 ? '' : 's'} match${res.total === 1 ? 'es' : ''}; ${res.lines.length} line${res.lines.length === 1 ? '' : 's'}\n`);
          const ids = res.lines.map((l) => `#${l.articleId}`), idW = Math.max(0, ...ids.map((s) => s.length));
          const leftW = Math.max(0, ...res.lines.map((l) => displayWidth(l.left)));
          res.lines.forEach((l, i) => {
            process.stdout.write(`${ids[i].padStart(idW)}  ${l.published ?? '          '}  ${padDisplay(l.left, leftW, true)} ${highlight(`[${l.hit}]`)} ${l.right}\n`);
          });
          return;
        }
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

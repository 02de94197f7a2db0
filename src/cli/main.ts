import { Command, CommanderError } from 'commander';
import { UserError } from '../errors.ts';
import { VERSION } from '../version.ts';

type Register = (program: Command) => void;

/**
 * Every command module adds itself to the program; the CLI stays a thin layer over library
 * functions. Modules are imported only when their command runs (all of them for help, or a
 * word that is no command), so `search` never loads the extractors or crawler.
 */
const COMMANDS: [string, () => Promise<Register>][] = [
  ['ingest', async () => (await import('./commands/ingest.ts')).registerIngest],
  ['extract', async () => (await import('./commands/extract.ts')).registerExtract],
  ['search', async () => (await import('./commands/search.ts')).registerSearch],
  ['show', async () => (await import('./commands/show.ts')).registerShow],
  ['crawl', async () => (await import('./commands/crawl.ts')).registerCrawl],
  ['demo', async () => (await import('./commands/demo.ts')).registerDemo],
  ['schedule', async () => (await import('./commands/schedule.ts')).registerSchedule],
  ['timeline', async () => (await import('./commands/timeline.ts')).registerTimeline],
  ['officials', async () => (await import('./commands/officials.ts')).registerOfficials],
  ['official', async () => (await import('./commands/official.ts')).registerOfficial],
  ['figures', async () => (await import('./commands/figures.ts')).registerFigures],
  ['initiatives', async () => (await import('./commands/initiatives.ts')).registerInitiatives],
  ['network', async () => (await import('./commands/network.ts')).registerNetwork],
  ['export', async () => (await import('./commands/export.ts')).registerExport],
];

/** The command word of argv: its first argument that is no option, the global --db's value skipped. */
export function commandName(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--db') { i++; continue; }
    if (a === '--') return argv[i + 1];
    if (!a.startsWith('-')) return a;
  }
  return undefined;
}

async function commandsFor(argv: string[]): Promise<Register[]> {
  const name = commandName(argv);
  // --version alone needs no command.
  if (name === undefined && argv.some((a) => a === '--version' || a === '-V') && !argv.some((a) => a === '--help' || a === '-h')) return [];
  const one = COMMANDS.find(([n]) => n === name);
  return Promise.all((one ? [one] : COMMANDS).map(([, load]) => load()));
}

export async function main(argv: string[]): Promise<number> {
  const program = new Command('newsmine')
    .description('Chinese local news to a research dataset: crawl, extract, search, export.')
    .version(VERSION)
    .option('--db <file>', 'SQLite database (default: $NEWSMINE_DB or ./newsmine.db)')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();
  program.configureOutput({ writeErr: (s) => process.stderr.write(s) });
  try {
    for (const add of await commandsFor(argv)) add(program);
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version land here with exit code 0; usage errors with 1, reported as 2.
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof UserError) {
      process.stderr.write(`newsmine: ${e.message}\n`);
      return e.exitCode;
    }
    const err = e as Error;
    process.stderr.write(`newsmine: internal error: ${err?.message ?? String(e)} (set NEWSMINE_DEBUG=1 for the stack)\n`);
    if (process.env.NEWSMINE_DEBUG) process.stderr.write(`${err?.stack}\n`);
    return 70;
  }
}

import { Command, CommanderError } from 'commander';
import { UserError } from '../errors.ts';
import { VERSION } from '../version.ts';
import { registerExtract } from './commands/extract.ts';
import { registerIngest } from './commands/ingest.ts';
import { registerSearch } from './commands/search.ts';
import { registerShow } from './commands/show.ts';
import { registerCrawl } from './commands/crawl.ts';
import { registerDemo } from './commands/demo.ts';
import { registerSchedule } from './commands/schedule.ts';
import { registerTimeline } from './commands/timeline.ts';
import { registerOfficials } from './commands/officials.ts';
import { registerOfficial } from './commands/official.ts';
import { registerFigures } from './commands/figures.ts';
import { registerInitiatives } from './commands/initiatives.ts';
import { registerNetwork } from './commands/network.ts';
import { registerExport } from './commands/export.ts';

/** Every command module adds itself here; the CLI stays a thin layer over library functions. */
const COMMANDS: ((program: Command) => void)[] = [
  registerIngest,
  registerExtract,
  registerSearch,
  registerShow,
  registerCrawl, registerDemo, registerSchedule,
  registerTimeline, registerOfficials, registerOfficial, registerFigures, registerInitiatives, registerNetwork, registerExport,
];

export async function main(argv: string[]): Promise<number> {
  const program = new Command('newsmine')
    .description('Chinese local news to a research dataset: crawl, extract, search, export.')
    .version(VERSION)
    .option('--db <file>', 'SQLite database (default: $NEWSMINE_DB or ./newsmine.db)')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();
  program.configureOutput({ writeErr: (s) => process.stderr.write(s) });
  for (const add of COMMANDS) add(program);
  try {
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

import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../errors.ts';
import { isIsoDate } from '../../iso-date.ts';
import type { Store } from '../../store/db.ts';
import type { CrawlOptions, CrawlProgress } from '../../crawl/crawler.ts';
import type { FetchPolicy } from '../../crawl/fetcher.ts';
import { crawlAll, formatSummary, logRefusal, nothingCrawled, type Refusal } from '../../crawl/run.ts';
import { crawlStatus, formatStatus } from '../../crawl/status.ts';
import { isDue, lastRunStart, loadScheduleFile, schedules } from '../../crawl/schedule.ts';
import { loadSourceFile, loadSources, SOURCES_DIR, type SourceDef } from '../../crawl/sources.ts';
import { intOption, storeFor } from '../context.ts';

interface CrawlCliOptions {
  source?: string[];
  sourceFile?: string[];
  sourcesDir?: string;
  from?: string;
  to?: string;
  section?: string[];
  due?: boolean;
  status?: boolean;
  all?: boolean;
  refresh?: boolean;
  scheduleFile?: string;
  delay?: string;
  concurrency?: string;
  contact?: string;
  json?: boolean;
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

export function registerCrawl(program: Command): void {
  program
    .command('crawl')
    .description('Crawl sources defined in data/sources/ (e-paper editions by date, portal list pages), extract and store every article')
    .option('--source <key>', 'source key (repeatable), e.g. zzwb', collect)
    .option('--source-file <file>', 'a source definition file to crawl (repeatable)', collect)
    .option('--sources-dir <dir>', 'where source definitions live', SOURCES_DIR)
    .option('--from <date>', 'first edition date, YYYY-MM-DD (e-papers)')
    .option('--to <date>', 'last edition date, YYYY-MM-DD (default: --from, or today)')
    .option('--section <name>', 'e-paper section by name, e.g. 新郑时报 (repeatable)', collect)
    .option('--due', 'crawl every source whose cron schedule has fired since its last run (for a system cron / timer)')
    .option('--all', 'crawl every defined source (incrementally, from its high-water mark)')
    .option('--refresh', 'fetch stored articles again with conditional requests; the content hash decides what changed')
    .option('--schedule-file <file>', 'with --due: cron expressions per source that override the definitions')
    .option('--delay <ms>', "least time between requests to a host (overrides the source's politeness)")
    .option('--concurrency <n>', 'requests in flight per host (overrides the source\'s politeness)')
    .option('--contact <text>', 'contact put in the User-Agent (default $NEWSMINE_CONTACT)')
    .option('--status', 'show each source\'s last run, frontier and recent errors, and crawl nothing')
    .option('--json', 'print the summaries as JSON')
    .addHelpText('after', '\nExamples:\n  newsmine crawl --source zzwb --from 2017-11-01 --to 2017-11-30 --section 新郑时报\n  newsmine crawl --due            # from cron: */30 * * * * cd /srv/newsmine && npx newsmine crawl --due\n\nExit code: 0 when something was crawled (errors are in the summary and the crawl_log table), 1 when nothing could be.')
    .action(async (opts: CrawlCliOptions, cmd: Command) => {
      for (const [flag, v] of [['--from', opts.from], ['--to', opts.to]] as const) {
        if (v && !isIsoDate(v)) throw new UserError(`${flag}: "${v}" is not a date (want YYYY-MM-DD)`, 2);
      }
      if (opts.from && opts.to && opts.to < opts.from) throw new UserError('--to is before --from', 2);
      if (opts.status) {
        const store = storeFor(cmd, { mustExist: true });
        try {
          const status = crawlStatus(store);
          if (opts.json) process.stdout.write(JSON.stringify(status) + '\n');
          else process.stdout.write(status.length ? status.map(formatStatus).join('\n') + '\n' : 'no crawls yet\n');
        } finally {
          store.close();
        }
        return;
      }
      if (!opts.source && !opts.sourceFile && !opts.due && !opts.all) throw new UserError('say what to crawl: --source KEY, --source-file FILE, --due or --all', 2);
      const store = storeFor(cmd);
      try {
        const { defs, refused } = selectSources(store, opts);
        const policy: Partial<FetchPolicy> = {};
        if (opts.delay !== undefined) policy.delayMs = intOption('--delay', opts.delay, 1000);
        if (opts.concurrency !== undefined) policy.concurrency = Math.max(1, intOption('--concurrency', opts.concurrency, 2));
        if (opts.contact) policy.contact = opts.contact;
        const bars = crawlProgress();
        const outcome = await crawlAll(store, defs, () => ({
          from: opts.from, to: opts.to, sections: opts.section, refresh: opts.refresh, policy, onProgress: bars.update,
        } satisfies CrawlOptions)).finally(() => bars.stop());
        outcome.refused.unshift(...refused);
        printOutcome(outcome, !!opts.json);
        if (defs.length === 0 && opts.due && refused.length === 0) return; // Nothing due is a normal cron tick.
        // Another process is crawling everything asked for: a cron tick during a long crawl, not a failure.
        if (outcome.summaries.length === 0 && outcome.refused.length > 0 && outcome.refused.every((r) => r.kind === 'lease')) return;
        if (nothingCrawled(outcome) || outcome.summaries.length === 0) throw new UserError('nothing could be crawled');
      } finally {
        store.close();
      }
    });
}

/** The definitions a crawl command names; bad ones are reported and logged, the rest still run. */
function selectSources(store: Store, opts: CrawlCliOptions): { defs: SourceDef[]; refused: Refusal[] } {
  const refused: Refusal[] = [];
  const defs: SourceDef[] = [];
  const refuse = (source: string, message: string) => {
    refused.push({ source, kind: 'definition', message });
    logRefusal(store, source, 'definition', message);
  };
  for (const file of opts.sourceFile ?? []) {
    try {
      defs.push(loadSourceFile(file));
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      refuse(file, e.message);
    }
  }
  const dir = opts.sourcesDir ?? SOURCES_DIR;
  for (const key of opts.source ?? []) {
    const file = ['yaml', 'yml', 'json'].map((ext) => join(dir, `${key}.${ext}`)).find((f) => existsSync(f));
    if (!file) {
      refuse(key, `no source "${key}" in ${dir} (known: ${loadSources(dir).sources.map((s) => s.key).join(', ') || 'none'})`);
      continue;
    }
    try {
      defs.push(loadSourceFile(file));
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      refuse(key, e.message);
    }
  }
  if (opts.due || opts.all) {
    const loaded = loadSources(dir);
    for (const err of loaded.errors) refuse(err.file, err.message);
    if (opts.all) defs.push(...loaded.sources);
    else {
      const overrides = opts.scheduleFile ? loadScheduleFile(opts.scheduleFile) : {};
      for (const { def, cron } of schedules(loaded.sources, overrides)) {
        if (isDue(cron, lastRunStart(store, def.key))) defs.push(def);
      }
    }
  }
  return { defs, refused };
}

export function printOutcome(outcome: { summaries: Parameters<typeof formatSummary>[0][]; refused: Refusal[] }, json: boolean): void {
  for (const r of outcome.refused) process.stderr.write(`newsmine: ${r.message}\n`);
  if (json) process.stdout.write(JSON.stringify(outcome.summaries) + '\n');
  else for (const s of outcome.summaries) process.stdout.write(formatSummary(s) + '\n');
}

/** One progress bar per crawl on a TTY, its total growing as editions and list pages are discovered; nothing elsewhere. */
export function crawlProgress(): { update: (p: CrawlProgress) => void; stop: () => void } {
  if (!process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const multi = new cliProgress.MultiBar(
    { format: '{source} [{bar}] {value}/{total} {label}', stream: process.stderr, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  const bars = new Map<string, { bar: cliProgress.SingleBar; base: number; label: string; total: number }>();
  return {
    update: (p) => {
      let b = bars.get(p.source);
      if (!b) {
        b = { bar: multi.create(Math.max(1, p.total), 0, { source: p.source, label: p.label }), base: 0, label: p.label, total: 0 };
        bars.set(p.source, b);
      }
      // Each edition reports its own count; the bar adds them up across editions.
      if (b.label !== p.label) {
        b.base += b.total;
        b.label = p.label;
      }
      b.total = p.total;
      b.bar.setTotal(Math.max(1, b.base + p.total));
      b.bar.update(b.base + p.done, { source: p.source, label: p.label });
    },
    stop: () => multi.stop(),
  };
}

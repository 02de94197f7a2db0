import type { Command } from 'commander';
import { Cron } from 'croner';
import { UserError } from '../../errors.ts';
import { crawlAll, formatSummary } from '../../crawl/run.ts';
import { loadScheduleFile, schedules, SCHEDULE_TZ, cronOf } from '../../crawl/schedule.ts';
import { loadSources, SOURCES_DIR } from '../../crawl/sources.ts';
import { storeFor } from '../context.ts';

export function registerSchedule(program: Command): void {
  program
    .command('schedule')
    .description(`Run the crawls that source definitions (or a schedule file) give cron expressions for, in ${SCHEDULE_TZ} time; keeps running`)
    .option('--sources-dir <dir>', 'where source definitions live', SOURCES_DIR)
    .option('--schedule-file <file>', 'YAML `sources: { KEY: "CRON" }` overriding the definitions\' schedules')
    .option('--list', 'print each scheduled source and its next run, then exit')
    .addHelpText('after', '\nA source is never crawled twice at once: a lease row in the database makes a scheduled run and a manual `newsmine crawl` wait for each other.\nWithout a long-running process, use cron or a systemd timer with `newsmine crawl --due`.')
    .action(async (opts: { sourcesDir: string; scheduleFile?: string; list?: boolean }, cmd: Command) => {
      const loaded = loadSources(opts.sourcesDir);
      for (const e of loaded.errors) process.stderr.write(`newsmine: ${e.message}\n`);
      const overrides = opts.scheduleFile ? loadScheduleFile(opts.scheduleFile) : {};
      const plan = schedules(loaded.sources, overrides);
      if (plan.length === 0) throw new UserError(`no source in ${opts.sourcesDir} has a schedule (add \`schedule: "30 7 * * *"\` to a definition, or pass --schedule-file)`);
      for (const { def, cron } of plan) {
        process.stdout.write(`${def.key}: "${cron}" (${SCHEDULE_TZ}), next run ${cronOf(cron).nextRun()?.toISOString() ?? 'never'}\n`);
      }
      if (opts.list) return;
      const jobs = plan.map(({ def, cron }) => new Cron(cron, { timezone: SCHEDULE_TZ, protect: true, name: def.key }, async () => {
        const store = storeFor(cmd);
        try {
          const out = await crawlAll(store, [def], () => ({}));
          for (const s of out.summaries) process.stdout.write(`${new Date().toISOString()} ${formatSummary(s)}\n`);
          for (const r of out.refused) process.stderr.write(`${new Date().toISOString()} newsmine: ${r.message}\n`);
        } catch (e) {
          process.stderr.write(`${new Date().toISOString()} newsmine: ${def.key}: ${(e as Error).message}\n`);
        } finally {
          store.close();
        }
      }));
      await new Promise<void>((resolve) => {
        const stop = () => {
          for (const j of jobs) j.stop();
          resolve();
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}

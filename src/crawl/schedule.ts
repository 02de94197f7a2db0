// Cron schedules of sources, read in the Asia/Shanghai time zone: which crawls are
// due now (`newsmine crawl --due`, for a system cron or timer) and the long-running
// `newsmine schedule`. Overlap is prevented by the lease in crawlSource, so a
// scheduled run and a manual one never crawl a source at once.
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { Cron } from 'croner';
import type { Store } from '../store/db.ts';
import type { SourceDef } from './sources.ts';
import { SourceError } from './sources.ts';

export const SCHEDULE_TZ = 'Asia/Shanghai';

export function cronOf(expr: string): Cron {
  return new Cron(expr, { timezone: SCHEDULE_TZ, paused: true });
}

/**
 * A schedule file overrides or adds cron expressions per source key:
 * `sources: { zzwb: "30 7 * * *" }`.
 */
export function loadScheduleFile(file: string): Record<string, string> {
  let obj: unknown;
  try {
    obj = parseYaml(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new SourceError(`${file}: cannot read schedule file: ${(e as Error).message.split('\n')[0]}`, 2);
  }
  const r = z.object({ sources: z.record(z.string(), z.string()) }).strict().safeParse(obj);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new SourceError(`${file}: field "${i.path.join('.') || '(top level)'}": ${i.message}`, 2);
  }
  for (const [key, expr] of Object.entries(r.data.sources)) {
    try {
      cronOf(expr);
    } catch {
      throw new SourceError(`${file}: field "sources.${key}": not a valid cron expression "${expr}"`, 2);
    }
  }
  return r.data.sources;
}

/** The cron expression of each source: the schedule file's, else the definition's own. */
export function schedules(defs: SourceDef[], overrides: Record<string, string> = {}): { def: SourceDef; cron: string }[] {
  return defs.flatMap((def) => {
    const cron = overrides[def.key] ?? def.schedule;
    return cron ? [{ def, cron }] : [];
  });
}

/** When the last crawl of a source started (any outcome), from crawl_runs. */
export function lastRunStart(store: Store, source: string): Date | undefined {
  const row = store.db.prepare('SELECT max(started_at) AS at FROM crawl_runs WHERE source = ?').get(source) as { at: string | null };
  return row.at ? new Date(row.at) : undefined;
}

/** Due when the schedule has fired since the last run started (or the source was never crawled). */
export function isDue(cron: string, lastStart: Date | undefined, now = new Date()): boolean {
  if (!lastStart) return true;
  const next = cronOf(cron).nextRun(lastStart);
  return !!next && next.getTime() <= now.getTime();
}

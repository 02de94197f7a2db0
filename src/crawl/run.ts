// Running crawls of several sources for the CLI (crawl, schedule, demo): load
// definitions, log bad ones to the crawl log, crawl the rest, and summarise.
import type { Store } from '../store/db.ts';
import { UserError } from '../errors.ts';
import { crawlSource, type CrawlOptions, type CrawlSummary } from './crawler.ts';
import { CrawlState } from './state.ts';

export interface Refusal {
  source: string;
  kind: 'definition' | 'lease';
  message: string;
}

export interface RunOutcome {
  summaries: CrawlSummary[];
  /** Sources that could not be crawled at all (bad definition, lease held). */
  refused: Refusal[];
}

/** Records a definition or lease problem where crawl errors go, so `crawl_log` tells the whole story. */
export function logRefusal(store: Store, source: string, kind: string, message: string): void {
  new CrawlState(store).log(null, source, kind, null, message);
}

export async function crawlAll(store: Store, defs: Parameters<typeof crawlSource>[1][], opts: (key: string) => CrawlOptions): Promise<RunOutcome> {
  const out: RunOutcome = { summaries: [], refused: [] };
  for (const def of defs) {
    try {
      out.summaries.push(await crawlSource(store, def, opts(def.key)));
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      const kind = e.exitCode === 75 ? 'lease' : 'definition';
      out.refused.push({ source: def.key, kind, message: e.message });
      logRefusal(store, def.key, kind, e.message);
    }
  }
  return out;
}

/** Nothing could be crawled: every source refused or failed outright. */
export function nothingCrawled(o: RunOutcome): boolean {
  return o.summaries.every((s) => s.status === 'failed');
}

/** The end-of-crawl summary, one block per source. */
export function formatSummary(s: CrawlSummary): string {
  const secs = s.ms / 1000;
  const stored = s.articles.new + s.articles.updated + s.articles.unchanged;
  const lines = [
    `${s.source}: ${s.status} in ${secs.toFixed(1)} s (run ${s.runId})`,
    `  pages fetched ${s.pagesFetched} (${s.requests} requests)${s.editionsCrawled + s.editionsSkipped ? `, editions crawled ${s.editionsCrawled}, already done ${s.editionsSkipped}` : ''}`,
    `  articles new ${s.articles.new}, updated ${s.articles.updated}, unchanged ${s.articles.unchanged}${secs > 0 && stored ? ` (${(stored / secs).toFixed(1)}/s)` : ''}`,
  ];
  const errs = Object.entries(s.errors).sort((a, b) => b[1] - a[1]);
  lines.push(errs.length ? `  errors: ${errs.map(([k, n]) => `${k} ${n}`).join(', ')} (details: crawl_log, run ${s.runId})` : '  errors: none');
  return lines.join('\n');
}

// What the crawls have done, per source, read back from the crawl tables: for
// the person who looks after the nightly job.
import type { Store } from '../store/db.ts';

export interface SourceStatus {
  source: string;
  lastRun?: { id: number; startedAt: string; finishedAt: string | null; status: string; pages: number; new: number; updated: number; unchanged: number; errors: number };
  frontier: { pending: number; failed: number; done: number };
  lastEdition: string | null;
  lastPublished: string | null;
  recentErrors: { at: string; kind: string; url: string | null; message: string }[];
}

export function crawlStatus(store: Store, errorsPerSource = 5): SourceStatus[] {
  const db = store.db;
  const sources = (db.prepare(`SELECT source FROM crawl_runs UNION SELECT source FROM crawl_frontier UNION SELECT source FROM crawl_log ORDER BY 1`).all() as { source: string }[]).map((r) => r.source);
  return sources.map((source) => {
    const lastRun = db.prepare(`SELECT id, started_at AS startedAt, finished_at AS finishedAt, status, pages, new, updated, unchanged, errors
                                FROM crawl_runs WHERE source = ? ORDER BY id DESC LIMIT 1`).get(source) as SourceStatus['lastRun'];
    const counts = Object.fromEntries((db.prepare(`SELECT state, count(*) AS n FROM crawl_frontier WHERE source = ? AND kind != 'edition' GROUP BY state`).all(source) as { state: string; n: number }[]).map((r) => [r.state, r.n]));
    const mark = db.prepare('SELECT last_edition AS lastEdition, last_published AS lastPublished FROM crawl_marks WHERE source = ?').get(source) as { lastEdition: string | null; lastPublished: string | null } | undefined;
    const recentErrors = db.prepare(`SELECT at, kind, url, message FROM crawl_log WHERE source = ? AND kind NOT IN ('no-edition', 'charset-note')
                                     ORDER BY id DESC LIMIT ?`).all(source, errorsPerSource) as SourceStatus['recentErrors'];
    return {
      source, lastRun, frontier: { pending: counts.pending ?? 0, failed: counts.failed ?? 0, done: counts.done ?? 0 },
      lastEdition: mark?.lastEdition ?? null, lastPublished: mark?.lastPublished ?? null, recentErrors,
    };
  });
}

export function formatStatus(s: SourceStatus): string {
  const r = s.lastRun;
  const lines = [
    `${s.source}: ${r ? `last run ${r.id} ${r.status} at ${r.startedAt} (pages ${r.pages}, new ${r.new}, updated ${r.updated}, unchanged ${r.unchanged}, errors ${r.errors})` : 'never run'}`,
    `  frontier: ${s.frontier.done} done, ${s.frontier.pending} pending, ${s.frontier.failed} given up${s.lastEdition ? `; newest edition ${s.lastEdition}` : ''}${s.lastPublished ? `; newest article ${s.lastPublished}` : ''}`,
  ];
  for (const e of s.recentErrors) lines.push(`  ${e.at} ${e.kind}${e.url ? ` ${e.url}` : ''}: ${e.message}`);
  return lines.join('\n');
}

import type { Stage } from '../measure.ts';

/** Every stage, loaded only in the child process that runs it. */
export const STAGES: Record<string, () => Promise<Stage<any>>> = {
  idle: async () => (await import('./idle.ts')).stage,
  baseline: async () => (await import('./baseline.ts')).stage,
  ingest: async () => (await import('./ingest.ts')).stage,
  extract: async () => (await import('./extract.ts')).stage,
  search: async () => (await import('./search.ts')).stage,
  cli: async () => (await import('./cli.ts')).stage,
  export: async () => (await import('./export.ts')).stage,
  crawl: async () => (await import('./crawl.ts')).stage,
};

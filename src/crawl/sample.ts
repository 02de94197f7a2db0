// The bundled sample site (data/sample-site): served on loopback with its source
// definitions pointed at the server. Used by `newsmine demo`, and by the bench
// (crawl speed with politeness set to zero: pass `policy: { delayMs: 0 }`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR } from '../paths.ts';
import { loadSourceFile, rebase, type SourceDef } from './sources.ts';
import { serveDirectory, type RunningServer } from './static-server.ts';
import type { CrawlOptions } from './crawler.ts';

export const SAMPLE_DIR = join(DATA_DIR, 'sample-site');

export interface SampleSite extends RunningServer {
  /** The e-paper and portal definitions, based at the server. */
  sources: SourceDef[];
  /** Crawl options that cover exactly what the replica holds (its edition dates). */
  optionsFor(key: string): CrawlOptions;
}

export async function startSampleSite(): Promise<SampleSite> {
  const server = await serveDirectory(join(SAMPLE_DIR, 'site'));
  const site = JSON.parse(readFileSync(join(SAMPLE_DIR, 'site.json'), 'utf8')) as { editions: { from: string; to: string } };
  const sources = ['sample-epaper', 'sample-portal'].map((k) => rebase(loadSourceFile(join(SAMPLE_DIR, 'sources', `${k}.yaml`)), server.origin));
  return {
    ...server,
    sources,
    optionsFor: (key) => (sources.find((s) => s.key === key)?.kind === 'epaper' ? { ...site.editions } : {}),
  };
}

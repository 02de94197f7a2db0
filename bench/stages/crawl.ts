// (6) Crawl throughput: the bundled replica site served on 127.0.0.1, crawled by the
// real crawler with politeness set to zero (no delay between requests, 8 in flight),
// every article extracted and stored. The site is small, so it is crawled again into
// a fresh database until enough time has passed for a stable rate.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR } from '../../src/paths.ts';
import { openStore } from '../../src/store/db.ts';
import { round, nowMs, type Metrics, type Stage } from '../measure.ts';
import { removeDb } from './files.ts';

export interface CrawlArgs { db: string; minSeconds: number; warmUp?: boolean }

const SITE = join(DATA_DIR, 'sample-site');

export const stage: Stage<CrawlArgs> = {
  async run({ db: path, minSeconds, warmUp = true }) {
    const need = [join(SITE, 'site'), join(SITE, 'sources', 'sample-epaper.yaml'), join(SITE, 'sources', 'sample-portal.yaml'), join('src', 'crawl', 'crawler.ts')];
    const missing = need.filter((p) => !existsSync(p));
    if (missing.length) return { available: false, reason: `missing ${missing.join(', ')}`, metrics: {} as Metrics };
    const { crawlSource } = await import('../../src/crawl/crawler.ts');
    const { serveDirectory } = await import('../../src/crawl/static-server.ts');
    const { loadSourceFile, rebase } = await import('../../src/crawl/sources.ts');
    const editions = (JSON.parse(readFileSync(join(SITE, 'site.json'), 'utf8')) as { editions: { from: string; to: string } }).editions;

    const server = await serveDirectory(join(SITE, 'site'));
    const defs = ['sample-epaper', 'sample-portal'].map((k) => {
      const def = rebase(loadSourceFile(join(SITE, 'sources', `${k}.yaml`)), server.origin);
      return { ...def, politeness: { ...def.politeness, delayMs: 0, concurrency: 8 } };
    });
    let rounds = 0, articles = 0, pages = 0, requests = 0, errors = 0, ms = 0;
    try {
      // Round -1 is unmeasured: module loading, jieba and the extractors' tables.
      for (let warm = warmUp; warm || rounds === 0 || ms < minSeconds * 1000; warm = false) {
        removeDb(path);
        const store = openStore(path);
        const t0 = nowMs();
        for (const def of defs) {
          const s = await crawlSource(store, def, def.kind === 'epaper' ? { ...editions } : {});
          if (warm) continue;
          articles += s.articles.new + s.articles.updated + s.articles.unchanged;
          pages += s.pagesFetched;
          requests += s.requests;
          errors += Object.values(s.errors).reduce((a, b) => a + b, 0);
        }
        store.close();
        if (warm) continue;
        ms += nowMs() - t0;
        rounds++;
      }
    } finally {
      await server.close();
      removeDb(path);
    }
    const s = ms / 1000;
    return {
      available: true,
      metrics: { rounds, articles, pages, requests, errors, seconds: round(s), articlesPerSec: round(articles / s), pagesPerSec: round(pages / s) },
    };
  },
};

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/db.ts';
import { crawlSource } from '../../src/crawl/crawler.ts';
import { loadSourceFile, rebase } from '../../src/crawl/sources.ts';
import { serveDirectory, type RunningServer } from '../../src/crawl/static-server.ts';

// A second e-paper replica, laid out differently from the bundled one, crawled with a
// definition written only from docs/crawling.md: the documentation is enough.
const FIXTURES = join(import.meta.dirname, '../fixtures');
let server: RunningServer;

beforeAll(async () => {
  server = await serveDirectory(join(FIXTURES, 'other-epaper/site'));
});
afterAll(async () => {
  await server.close();
});

describe('a source definition written from the docs', () => {
  it('crawls a replica the crawler has never seen', async () => {
    const store = openStore(join(mkdtempSync(join(tmpdir(), 'newsmine-other-')), 'a.db'));
    const def = rebase(loadSourceFile(join(FIXTURES, 'other-epaper.yaml')), server.origin);
    const s = await crawlSource(store, def, { from: '2024-05-19', to: '2024-05-21' });
    expect(s.articles.new).toBe(8);
    const rows = store.db.prepare('SELECT published, section, page, title, intro_title, sub_title, byline, body FROM articles ORDER BY url').all() as Record<string, string | null>[];
    expect(rows.map((r) => r.published)).toEqual([...Array(4).fill('2024-05-20'), ...Array(4).fill('2024-05-21')]);
    expect(rows.filter((r) => r.section === '城区新闻')).toHaveLength(4);
    expect(rows[0]).toMatchObject({ page: 'A01 要闻', title: '惠民政策落地见效', sub_title: '某市出台稳就业十条措施', byline: '记者 林晓峰' });
    expect(rows[2]).toMatchObject({ intro_title: '改善人居环境', title: '城东街道老旧小区改造开工' });
    for (const r of rows) expect(r.body).not.toMatch(/上一篇|版权所有|首页/);
    // 2024-05-19 has no edition (404): recorded as such, not an error.
    expect(s.errors).toEqual({});
    expect(store.db.prepare("SELECT count(*) n FROM crawl_log WHERE kind = 'no-edition'").get()).toEqual({ n: 1 });
  });
});

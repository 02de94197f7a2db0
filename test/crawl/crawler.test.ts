import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../src/store/db.ts';
import { crawlSource } from '../../src/crawl/crawler.ts';
import { loadSourceFile, parseSource, rebase, type SourceDef } from '../../src/crawl/sources.ts';
import { acquireLease } from '../../src/crawl/state.ts';
import { UserError } from '../../src/errors.ts';
import { startFixture, type Fixture } from './fixture-server.ts';

const SAMPLE_SOURCES = join(import.meta.dirname, '../../data/sample-site/sources');
let fx: Fixture;
const tmp = mkdtempSync(join(tmpdir(), 'newsmine-crawl-'));
let dbn = 0;
const freshStore = (): Store => openStore(join(tmp, `t${++dbn}.db`));

beforeAll(async () => {
  fx = await startFixture();
});
afterAll(async () => {
  await fx.close();
});

const sampleEpaper = (): SourceDef => rebase(loadSourceFile(join(SAMPLE_SOURCES, 'sample-epaper.yaml')), fx.origin);
const EDITIONS = { from: '2024-03-04', to: '2024-03-06' };

const count = (store: Store, sql: string, ...p: unknown[]) => (store.db.prepare(sql).get(...p) as { n: number }).n;

describe('crawling the replica e-paper', () => {
  it('stores every article of every edition, with sections, pages, headlines and GBK text decoded', async () => {
    const store = freshStore();
    const s = await crawlSource(store, sampleEpaper(), EDITIONS);
    expect(s.status).toBe('ok');
    expect(s.articles.new).toBe(30);
    expect(count(store, 'SELECT count(*) n FROM articles')).toBe(30);
    expect(count(store, "SELECT count(*) n FROM articles WHERE section = '新郑时报'")).toBe(12);
    expect(count(store, "SELECT count(*) n FROM articles WHERE page LIKE 'X0_ 新郑时报%'")).toBe(12);
    // The 荥阳时报 pages are GBK, labelled gb2312, and one name uses 〇 (outside GB2312).
    const gbk = store.db.prepare("SELECT body, byline FROM articles WHERE title = '荥阳市石榴产业迎来新发展'").get() as { body: string; byline: string };
    expect(gbk.byline).toBe('记者 程晓〇 通讯员 冯亮');
    expect(gbk.body).toContain('河阴石榴产业发展推进会');
    // Headlines of both templates.
    const tree = store.db.prepare("SELECT intro_title, sub_title, published FROM articles WHERE title = '新郑市启动春季植树造林行动'").get() as Record<string, string>;
    expect(tree).toEqual({ intro_title: '添绿增彩 共建美丽家园', sub_title: '今年计划新增造林面积1.2万亩', published: '2024-03-04' });
    // The layout cut (城区 / 公园) is joined.
    expect(count(store, "SELECT count(*) n FROM articles WHERE body LIKE '%城区公园游园%'")).toBe(1);
    // Everything went through ingest: extraction rows and the search index exist.
    expect(count(store, 'SELECT count(DISTINCT article_id) n FROM bylines')).toBeGreaterThan(20);
    expect(count(store, 'SELECT count(*) n FROM crawl_editions WHERE source = ?', 'sample-epaper')).toBe(3);
    expect(store.db.prepare("SELECT last_edition, last_published FROM crawl_marks WHERE source = 'sample-epaper'").get())
      .toEqual({ last_edition: '2024-03-06', last_published: '2024-03-06' });
    store.close();
  });

  it('does not fetch completed editions again, and a refresh finds everything unchanged', async () => {
    const store = freshStore();
    await crawlSource(store, sampleEpaper(), EDITIONS);
    const before = fx.requests.length;
    const again = await crawlSource(store, sampleEpaper(), EDITIONS);
    expect(again.editionsSkipped).toBe(3);
    expect(again.pagesFetched).toBe(0);
    expect(fx.requests.length - before).toBe(0);

    const mark = fx.requests.length;
    const refresh = await crawlSource(store, sampleEpaper(), { ...EDITIONS, refresh: true });
    expect(refresh.articles.new).toBe(0);
    expect(refresh.articles.updated).toBe(0);
    expect(refresh.articles.unchanged).toBe(30);
    // Conditional requests: the server saw our ETags and answered 304.
    const conditional = fx.requests.slice(mark).filter((r) => r.path.includes('content_') && r.ifNoneMatch);
    expect(conditional).toHaveLength(30);
    expect(count(store, 'SELECT count(*) n FROM articles')).toBe(30);
    store.close();
  });

  it('crawls only the sections asked for', async () => {
    const store = freshStore();
    const s = await crawlSource(store, sampleEpaper(), { ...EDITIONS, sections: ['新郑时报'] });
    expect(s.articles.new).toBe(12);
    expect(count(store, "SELECT count(*) n FROM articles WHERE section IS NOT '新郑时报'")).toBe(0);
    expect(count(store, "SELECT count(*) n FROM crawl_editions WHERE section = '新郑时报'")).toBe(3);
    await expect(crawlSource(store, sampleEpaper(), { ...EDITIONS, sections: ['不存在时报'] })).rejects.toThrow(/no section "不存在时报"/);
    store.close();
  });

  it('enters through a root page that forwards with <meta http-equiv=refresh>, only to the edition asked for', async () => {
    const store = freshStore();
    const def = { ...sampleEpaper(), edition: ['index.htm'] } as SourceDef;
    // The root forwards to the latest edition (2024-03-06): right for that date, "no edition" for another.
    const s = await crawlSource(store, def, { from: '2024-03-05', to: '2024-03-06' });
    expect(s.articles.new).toBe(10);
    expect(count(store, "SELECT count(*) n FROM articles WHERE published != '2024-03-06'")).toBe(0);
    store.close();
  });

  it('keeps politeness: spacing between requests to a host and requests in flight', async () => {
    const store = freshStore();
    const def = { ...sampleEpaper(), politeness: { concurrency: 2, delayMs: 150, timeoutMs: 5000 } } as SourceDef;
    const mark = fx.requests.length;
    await crawlSource(store, def, { from: '2024-03-04', to: '2024-03-04' });
    const reqs = fx.requests.slice(mark).filter((r) => r.path !== '/robots.txt');
    const starts = reqs.map((r) => r.at).sort((a, b) => a - b);
    const gaps = starts.slice(1).map((t, i) => t - starts[i]);
    expect(starts.length).toBeGreaterThan(10);
    // The server shares the test's event loop (extraction runs on it too), so it notes an
    // arrival somewhat after the crawler sent it: single gaps jitter, their average cannot.
    const average = (starts[starts.length - 1] - starts[1]) / (starts.length - 2);
    expect(average).toBeGreaterThanOrEqual(145);
    expect(Math.min(...gaps.slice(1))).toBeGreaterThanOrEqual(50);
    const inFlightAt = (t: number) => reqs.filter((r) => r.at <= t && (r.end ?? Infinity) > t).length;
    expect(Math.max(...reqs.map((r) => inFlightAt(r.at)))).toBeLessThanOrEqual(2);
    expect(fx.requests.slice(mark).every((r) => r.userAgent?.startsWith('newsmine/'))).toBe(true);
    store.close();
  });
});

describe('requests in flight', () => {
  it('never exceed the per-host concurrency', async () => {
    const store = freshStore();
    const def = parseSource({
      key: 'slow', name: '慢站', kind: 'generic', base: `${fx.origin}/`, lists: ['slow/index.html'], articleLink: '/slow/\\d+\\.html$',
      politeness: { delayMs: 0, concurrency: 2 },
    }, 'test');
    const mark = fx.requests.length;
    const s = await crawlSource(store, def);
    expect(s.articles.new + s.articles.unchanged).toBe(6);
    const reqs = fx.requests.slice(mark).filter((r) => r.path.startsWith('/slow/') && r.path !== '/slow/index.html');
    const inFlightAt = (t: number) => reqs.filter((r) => r.at <= t && (r.end ?? Infinity) > t).length;
    expect(Math.max(...reqs.map((r) => inFlightAt(r.at)))).toBe(2);
  });
});

describe('crawling a portal list', () => {
  const portal = (): SourceDef => parseSource({
    key: 'changing', name: '测试门户', kind: 'portal', base: `${fx.origin}/`, lists: ['changing/index.html'],
    articleLink: '/news/t\\d{8}_\\d+\\.html$', politeness: { delayMs: 0, concurrency: 4 },
  }, 'test');

  it('adds what is new on the list and stops at the first list page with nothing new', async () => {
    const store = freshStore();
    fx.listVersion = 0;
    const first = await crawlSource(store, portal());
    expect(first.articles.new).toBe(4); // 3 on the first page, 1 on the second
    fx.listVersion = 1;
    const mark = fx.requests.length;
    const second = await crawlSource(store, portal());
    expect(second.articles.new).toBe(2);
    const paths = fx.requests.slice(mark).map((r) => r.path);
    expect(paths).toContain('/changing/index_1.html'); // page 1 had new links, so page 2 was looked at
    expect(paths.filter((p) => p.startsWith('/news/'))).toHaveLength(2); // only the new articles were fetched
    const third = await crawlSource(store, portal());
    expect(third.articles.new).toBe(0);
    expect(count(store, "SELECT count(*) n FROM articles WHERE url LIKE '%/news/%'")).toBe(6);
    fx.listVersion = 0;
    store.close();
  });
});

describe('misbehaving pages', () => {
  it('retries 500 and 429, gives up on the rest with a logged reason, and goes on', async () => {
    const store = freshStore();
    const def = parseSource({
      key: 'mixed', name: '各种坏页面', kind: 'generic', base: `${fx.origin}/`, lists: ['mixed/index.html'],
      articleLink: '/(hang|flaky|busy|loop|huge|broken|gbk|unknown|private|dead|news)/',
      politeness: { delayMs: 0, concurrency: 4, timeoutMs: 600, retries: 2, backoffMs: 50, maxBytes: 2 * 1024 * 1024 },
    }, 'test');
    const s = await crawlSource(store, def, { maxAttempts: 1 });
    expect(s.status).toBe('partial');
    const titles = (store.db.prepare('SELECT title FROM articles ORDER BY title').all() as { title: string }[]).map((r) => r.title);
    expect(titles).toEqual(expect.arrayContaining(['先失败后成功的页面', '限流之后的页面', '残缺的网页也能读', '荥阳市举办〇号文件培训']));
    expect(titles).toHaveLength(4);
    const broken = store.db.prepare("SELECT body FROM articles WHERE title = '残缺的网页也能读'").get() as { body: string };
    expect(broken.body).toContain('培训农民工三百余人次');
    const log = store.db.prepare('SELECT kind, url FROM crawl_log WHERE run_id = ?').all(s.runId) as { kind: string; url: string }[];
    const kindOf = (p: string) => log.filter((l) => l.url?.includes(p)).map((l) => l.kind);
    expect(kindOf('/hang/')).toContain('timeout');
    expect(kindOf('/loop/')).toContain('redirect');
    expect(kindOf('/huge/')).toContain('too-large');
    expect(kindOf('/unknown/')).toContain('charset');
    expect(kindOf('/private/')).toContain('robots');
    expect(kindOf('/dead/')).toContain('http-4xx');
    expect(kindOf('elsewhere.invalid')).toContain('off-site');
    // The 429 said Retry-After: 1, and the retry waited for it.
    const busy = fx.requests.filter((r) => r.path === '/busy/1.html').map((r) => r.at);
    expect(busy).toHaveLength(2);
    expect(busy[1] - busy[0]).toBeGreaterThanOrEqual(950);
    // robots.txt was obeyed: the disallowed page was never requested.
    expect(fx.requests.some((r) => r.path.startsWith('/private/'))).toBe(false);
    expect(count(store, "SELECT count(*) n FROM crawl_frontier WHERE source = 'mixed' AND state = 'failed'")).toBe(7);
  });

  it('a page that keeps timing out stays pending for the next run until its attempts run out', async () => {
    const store = freshStore();
    const def = parseSource({
      key: 'hanging', name: '不回应', kind: 'portal', base: `${fx.origin}/`, lists: ['mixed/index.html'], articleLink: '/hang/',
      politeness: { delayMs: 0, timeoutMs: 200, retries: 0 },
    }, 'test');
    await crawlSource(store, def, { maxAttempts: 2 });
    const state = () => store.db.prepare("SELECT state, attempts FROM crawl_frontier WHERE url LIKE '%/hang/%'").get();
    expect(state()).toEqual({ state: 'pending', attempts: 1 });
    await crawlSource(store, def, { maxAttempts: 2 });
    expect(state()).toEqual({ state: 'failed', attempts: 2 });
  });

  it('an unreachable host is logged and the crawl reports failure', async () => {
    const store = freshStore();
    const def = parseSource({
      key: 'nowhere', name: '不存在', kind: 'portal', base: 'http://127.0.0.1:9/', lists: ['index.html'],
      politeness: { retries: 1, backoffMs: 10, timeoutMs: 1000 },
    }, 'test');
    const s = await crawlSource(store, def);
    expect(s.status).toBe('failed');
    expect(count(store, "SELECT count(*) n FROM crawl_log WHERE source = 'nowhere' AND kind = 'network'")).toBe(1);
  });
});

describe('leases', () => {
  it('refuses to crawl a source another live crawl holds', async () => {
    const store = freshStore();
    store.db.prepare('INSERT INTO crawl_leases (source, holder, pid, acquired_at, expires_at) VALUES (?, ?, ?, ?, ?)')
      .run('sample-epaper', 'another-machine:1', 1, new Date().toISOString(), new Date(Date.now() + 60_000).toISOString());
    const err = await crawlSource(store, sampleEpaper(), EDITIONS).catch((e) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toMatch(/being crawled by another-machine:1/);
    expect(count(store, 'SELECT count(*) n FROM articles')).toBe(0);
  });

  it('takes over the lease of a crawl process that died on this machine', () => {
    const store = freshStore();
    const deadPid = 2 ** 22 - 3; // beyond the usual pid range, so no such process
    store.db.prepare('INSERT INTO crawl_leases (source, holder, pid, acquired_at, expires_at) VALUES (?, ?, ?, ?, ?)')
      .run('x', `${hostname()}:${deadPid}`, deadPid, new Date().toISOString(), new Date(Date.now() + 60_000).toISOString());
    expect(acquireLease(store, 'x', 60_000).ok).toBe(true);
  });
});

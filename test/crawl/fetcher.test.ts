import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import { Fetcher, retryAfterMs } from '../../src/crawl/fetcher.ts';
import { listen, type RunningServer } from '../../src/crawl/static-server.ts';

// A small site of its own: robots.txt with a Crawl-delay, a redirect off the site,
// and a page with validators.
let srv: RunningServer;
const starts: number[] = [];

beforeAll(async () => {
  srv = await listen(createServer((req, res) => {
    if (req.url === '/robots.txt') return void res.end('User-agent: newsmine\nCrawl-delay: 1\nDisallow: /no/\n');
    starts.push(Date.now());
    if (req.url === '/away') return void res.writeHead(301, { location: 'http://elsewhere.invalid/x' }).end();
    if (req.url === '/ftp') return void res.writeHead(302, { location: 'ftp://127.0.0.1/x' }).end();
    if (req.url === '/pdf') return void res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF');
    if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304, { etag: '"v1"' }).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag: '"v1"', 'last-modified': 'Tue, 05 Mar 2024 08:00:00 GMT' });
    res.end('<p>正文</p>');
  }));
});
afterAll(async () => {
  await srv.close();
});

describe('Fetcher', () => {
  it('honours robots.txt Crawl-delay for our agent, above the configured delay', async () => {
    const f = new Fetcher([new URL(srv.origin).host], { delayMs: 0 });
    starts.length = 0;
    const all = await Promise.all(['a', 'b', 'c'].map((p) => f.fetchPage(`${srv.origin}/${p}`)));
    expect(all.every((r) => r.ok)).toBe(true);
    expect(await f.hostDelay(srv.origin)).toBe(1000);
    // Measured between the 2nd and 3rd arrivals: the 1st also carries connection set-up,
    // which on a loaded machine makes it arrive late and shortens the first gap as seen here.
    expect(starts).toHaveLength(3);
    expect(starts[2] - starts[1]).toBeGreaterThanOrEqual(950);
    expect(await f.fetchPage(`${srv.origin}/no/x`)).toMatchObject({ ok: false, kind: 'robots' });
  });

  it('sends validators and reports 304 as not modified', async () => {
    const f = new Fetcher([new URL(srv.origin).host], { delayMs: 0 });
    const first = await f.fetchPage(`${srv.origin}/page`);
    expect(first).toMatchObject({ ok: true, notModified: false, etag: '"v1"', lastModified: 'Tue, 05 Mar 2024 08:00:00 GMT', text: '<p>正文</p>' });
    expect(await f.fetchPage(`${srv.origin}/page`, { etag: '"v1"' })).toMatchObject({ ok: true, notModified: true, status: 304 });
  });

  it('never leaves the source hosts, never leaves http(s), and skips what is not a page', async () => {
    const f = new Fetcher([new URL(srv.origin).host], { delayMs: 0 });
    expect(await f.fetchPage(`${srv.origin}/away`)).toMatchObject({ ok: false, kind: 'off-site' });
    expect(await f.fetchPage(`${srv.origin}/ftp`)).toMatchObject({ ok: false, kind: 'redirect' });
    expect(await f.fetchPage('http://other.invalid/page')).toMatchObject({ ok: false, kind: 'off-site' });
    expect(await f.fetchPage('file:///etc/passwd')).toMatchObject({ ok: false, kind: 'bad-url' });
    expect(await f.fetchPage(`${srv.origin}/pdf`)).toMatchObject({ ok: false, kind: 'not-html' });
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterMs('120')).toBe(120_000);
    const inAMinute = new Date(Date.now() + 60_000).toUTCString();
    expect(retryAfterMs(inAMinute)).toBeGreaterThan(55_000);
    expect(retryAfterMs('soon')).toBeUndefined();
  });
});

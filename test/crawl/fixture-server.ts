// The tests' web server on 127.0.0.1: the bundled e-paper and portal replicas,
// plus pages that misbehave the way real sites do. It records every request so
// tests can assert on politeness (spacing, requests in flight, robots.txt).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { serveDirectory, serveFile, type RunningServer } from '../../src/crawl/static-server.ts';

export const SAMPLE_SITE = join(import.meta.dirname, '../../data/sample-site/site');

export interface RequestRecord {
  path: string;
  at: number;
  end?: number;
  ifNoneMatch?: string;
  userAgent?: string;
}

export interface Fixture extends RunningServer {
  requests: RequestRecord[];
  /** Requests in flight at the busiest moment. */
  maxInFlight(): number;
  /** Which article set the changing list shows (0, then 1 …). */
  listVersion: number;
}

const page = (title: string, body: string) =>
  `<html><head><meta charset="utf-8"><title>${title}</title></head><body><div class="nav"><a href="/">首页</a></div>` +
  `<div class="content"><h1>${title}</h1><p>发布时间：2024-03-05 10:00</p>${body}</div></body></html>`;
const prose = (n: number) =>
  `<p>第${n}篇测试文章的正文写在这里，县里召开会议部署重点工作，会议要求各部门压实责任、狠抓落实。</p><p>会议强调，要坚持问题导向，确保各项任务按期完成。</p>`;

/** Article links the changing list shows in each version: newest first, like real portals. */
export const CHANGING_LISTS = [
  ['/news/t20240305_3.html', '/news/t20240305_2.html', '/news/t20240305_1.html'],
  ['/news/t20240306_5.html', '/news/t20240306_4.html', '/news/t20240305_3.html', '/news/t20240305_2.html'],
];

export async function startFixture(): Promise<Fixture> {
  const requests: RequestRecord[] = [];
  const hits = new Map<string, number>();
  let inFlight = 0;
  let maxInFlight = 0;
  const fx = { requests, listVersion: 0 } as Fixture;

  const special = (req: IncomingMessage, res: ServerResponse): boolean => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const rec: RequestRecord = { path, at: Date.now(), ifNoneMatch: req.headers['if-none-match'] as string | undefined, userAgent: req.headers['user-agent'] };
    requests.push(rec);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => {
      inFlight--;
      rec.end = Date.now();
    });
    const n = (hits.get(path) ?? 0) + 1;
    hits.set(path, n);
    const html = (status: number, body: string | Buffer, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
      res.end(body);
    };

    if (path === '/robots.txt') return html(200, 'User-agent: *\nDisallow: /private/\n', { 'content-type': 'text/plain' }), true;
    if (path.startsWith('/hang/')) return true; // Never answers.
    if (path === '/slow/index.html') {
      return html(200, `<html><body>${[1, 2, 3, 4, 5, 6].map((i) => `<a href="/slow/${i}.html">x</a>`).join('')}</body></html>`), true;
    }
    if (path.startsWith('/slow/')) return void setTimeout(() => html(200, page('慢速页面', prose(3))), 150), true;
    if (path.startsWith('/flaky/')) return n === 1 ? html(500, 'oops') : html(200, page('先失败后成功的页面', prose(1))), true;
    if (path.startsWith('/busy/')) {
      return n === 1 ? html(429, 'slow down', { 'retry-after': '1' }) : html(200, page('限流之后的页面', prose(2))), true;
    }
    if (path === '/loop/a.html') return html(302, '', { location: '/loop/b.html' }), true;
    if (path === '/loop/b.html') return html(302, '', { location: '/loop/a.html' }), true;
    if (path.startsWith('/huge/')) {
      // 20 MB, chunked (no Content-Length), so only the streaming cap can stop it.
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      const chunk = Buffer.alloc(1024 * 1024, 'a');
      let sent = 0;
      const push = () => {
        while (sent < 20) {
          sent++;
          if (!res.write(chunk)) return void res.once('drain', push);
        }
        res.end();
      };
      res.on('error', () => {});
      push();
      return true;
    }
    if (path.startsWith('/broken/')) {
      return html(200, '<html><head><title>残缺页面</title><body><div class="content"><h1>残缺的网页也能读<p>县里举办技能培训班，培训农民工三百余人次，帮助他们提升就业本领。<p>培训内容包括电工、焊工和家政服务<div></html></html>'), true;
    }
    if (path.startsWith('/gbk/')) {
      const body = iconv.encode(page('荥阳市举办〇号文件培训', '<p>荥阳市举办培训班，记者程晓〇报道，全市三百余名干部参加培训。</p>').replace('<meta charset="utf-8">', ''), 'gbk');
      return html(200, body, { 'content-type': 'text/html; charset=GBK' }), true;
    }
    if (path.startsWith('/unknown/')) {
      return html(200, Buffer.from([0x3c, 0x70, 0x3e, 0xff, 0xfe, 0xfd, 0x81, 0x20, 0xc0, 0x3c]), { 'content-type': 'text/html; charset=x-klingon' }), true;
    }
    if (path === '/changing/index.html') {
      const links = CHANGING_LISTS[Math.min(fx.listVersion, CHANGING_LISTS.length - 1)];
      return html(200, `<html><body><ul>${links.map((l) => `<li><a href="${l}">文章</a></li>`).join('')}</ul><a href="/changing/index_1.html">下一页</a></body></html>`), true;
    }
    if (path === '/changing/index_1.html') {
      return html(200, '<html><body><ul><li><a href="/news/t20240301_0.html">旧文章</a></li></ul></body></html>'), true;
    }
    const news = /^\/news\/t(\d{8})_(\d+)\.html$/.exec(path);
    if (news) return html(200, page(`测试新闻第${news[2]}篇`, prose(Number(news[2])))), true;
    if (path === '/mixed/index.html') {
      const links = ['/hang/1.html', '/flaky/1.html', '/busy/1.html', '/loop/a.html', '/huge/1.html', '/broken/1.html', '/gbk/1.html', '/unknown/1.html', '/private/1.html', '/dead/1.html', 'http://elsewhere.invalid/news/t20240305_9.html'];
      return html(200, `<html><body>${links.map((l) => `<a href="${l}">x</a>`).join(' ')}</body></html>`), true;
    }
    return false;
  };

  const running = await serveDirectory(SAMPLE_SITE, (req, res) => {
    if (special(req, res)) return true;
    serveFile(SAMPLE_SITE, req, res);
    return true;
  });
  return Object.assign(fx, running, { maxInFlight: () => maxInFlight });
}

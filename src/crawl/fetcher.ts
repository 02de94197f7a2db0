// Polite HTTP fetching: one queue per host (requests in flight, spacing between
// starts), robots.txt and Crawl-delay, timeouts, retries with backoff and jitter,
// Retry-After, caps on size and redirects, http(s) only, never off the source's hosts.
import PQueue from 'p-queue';
import { createRequire } from 'node:module';
import { VERSION } from '../version.ts';
import { decodePage } from './charset.ts';
import { normaliseUrl, onHosts } from './url.ts';

export interface FetchPolicy {
  /** Requests in flight to one host. Default 2. */
  concurrency: number;
  /** Least time between the starts of two requests to one host, ms. Default 1000; robots.txt Crawl-delay can raise it. */
  delayMs: number;
  /** Whole request (headers and body), ms. Default 20000. */
  timeoutMs: number;
  /** Retries after a network error, timeout, 5xx or 429. Default 3. */
  retries: number;
  /** First backoff, doubled each retry, with ±50 % jitter, ms. Default 1000. */
  backoffMs: number;
  /** A Retry-After longer than this gives up on the page instead of waiting, ms. Default 120000. */
  maxRetryAfterMs: number;
  /** Largest page body read, bytes. Default 5 MB. */
  maxBytes: number;
  /** Redirect hops followed. Default 5. */
  maxRedirects: number;
  /** Crawl-delay values above this (seconds) are capped, so one robots.txt cannot stall a crawl for hours. */
  maxCrawlDelaySec: number;
  /** Who to contact about the crawler; goes into the User-Agent. */
  contact: string;
}

export const DEFAULT_POLICY: FetchPolicy = {
  concurrency: 2,
  delayMs: 1000,
  timeoutMs: 20_000,
  retries: 3,
  backoffMs: 1000,
  maxRetryAfterMs: 120_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  maxCrawlDelaySec: 60,
  contact: process.env.NEWSMINE_CONTACT ?? 'set NEWSMINE_CONTACT',
};

export const ROBOTS_AGENT = 'newsmine';

interface RobotsRules {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}
// robots-parser is CommonJS with a loose type declaration; load it the CommonJS way.
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, text: string) => RobotsRules;

export function userAgent(contact: string): string {
  return `${ROBOTS_AGENT}/${VERSION} (research archive crawler; contact: ${contact})`;
}

export type FetchErrorKind =
  | 'timeout' | 'network' | 'http-4xx' | 'http-5xx' | 'http-429' | 'robots' | 'too-large'
  | 'redirect' | 'off-site' | 'charset' | 'not-html' | 'bad-url';

export interface Validators {
  etag?: string | null;
  lastModified?: string | null;
}

export type FetchResult =
  | { ok: true; notModified: false; url: string; finalUrl: string; status: number; text: string; encoding: string; note?: string; etag?: string; lastModified?: string; bytes: number }
  | { ok: true; notModified: true; url: string; finalUrl: string; status: 304 }
  | { ok: false; url: string; kind: FetchErrorKind; message: string; status?: number };

interface HostState {
  queue: PQueue;
  robots?: RobotsRules;
  delayMs: number;
}

class RetryableError extends Error {
  constructor(readonly kind: FetchErrorKind, message: string, readonly retryAfterMs?: number, readonly status?: number) {
    super(message);
  }
}
class FinalError extends Error {
  constructor(readonly kind: FetchErrorKind, message: string, readonly status?: number) {
    super(message);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Fetches pages for one crawl. Hosts outside `hosts` are refused. */
export class Fetcher {
  readonly policy: FetchPolicy;
  private readonly hosts: Set<string>;
  private readonly state = new Map<string, Promise<HostState>>();
  /** HTTP requests made, robots.txt included. */
  requests = 0;
  /** Hosts that could not be reached at all after every retry: the rest of their pages fail at once. */
  private readonly unreachable = new Map<string, string>();

  constructor(hosts: Iterable<string>, policy: Partial<FetchPolicy> = {}) {
    this.policy = { ...DEFAULT_POLICY, ...policy };
    this.hosts = new Set([...hosts].map((h) => h.toLowerCase()));
  }

  get userAgent(): string {
    return userAgent(this.policy.contact);
  }

  /** The delay actually used for a host (after robots.txt Crawl-delay), once the host has been contacted. */
  async hostDelay(url: string): Promise<number> {
    return (await this.host(new URL(url))).delayMs;
  }

  async fetchPage(rawUrl: string, validators: Validators = {}): Promise<FetchResult> {
    const url = normaliseUrl(rawUrl);
    if (!url) return { ok: false, url: rawUrl, kind: 'bad-url', message: `not an http(s) URL: ${rawUrl}` };
    if (!onHosts(url, this.hosts)) return { ok: false, url, kind: 'off-site', message: `${new URL(url).host} is not one of the source's hosts` };
    const host = new URL(url).host;
    const down = this.unreachable.get(host);
    if (down) return { ok: false, url, kind: 'network', message: `${host} unreachable earlier in this crawl (${down})` };
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.followRedirects(url, validators);
      } catch (e) {
        if (e instanceof FinalError) return { ok: false, url, kind: e.kind, message: e.message, status: e.status };
        const err = e instanceof RetryableError ? e : new RetryableError('network', (e as Error).message);
        if (attempt >= this.policy.retries) {
          if (err.kind === 'network' && /host not found|connection refused/.test(err.message)) this.unreachable.set(host, err.message);
          return { ok: false, url, kind: err.kind, message: `${err.message} (gave up after ${attempt + 1} attempts)`, status: err.status };
        }
        if (err.retryAfterMs !== undefined && err.retryAfterMs > this.policy.maxRetryAfterMs) {
          return { ok: false, url, kind: err.kind, message: `${err.message}; Retry-After ${Math.round(err.retryAfterMs / 1000)} s is longer than the ${this.policy.maxRetryAfterMs / 1000} s we wait`, status: err.status };
        }
        const backoff = this.policy.backoffMs * 2 ** attempt * (0.5 + Math.random());
        // Waiting happens outside the host queue, so other pages of the host go on meanwhile.
        await sleep(Math.max(err.retryAfterMs ?? 0, backoff));
      }
    }
  }

  private async followRedirects(start: string, validators: Validators): Promise<FetchResult> {
    const seen = new Set<string>();
    let url = start;
    for (let hop = 0; ; hop++) {
      if (seen.has(url)) throw new FinalError('redirect', `redirect loop at ${url}`);
      seen.add(url);
      const host = await this.host(new URL(url));
      if (host.robots && host.robots.isAllowed(url, ROBOTS_AGENT) === false) throw new FinalError('robots', `robots.txt disallows ${url}`);
      const res = await host.queue.add(() => this.request(url, hop === 0 ? validators : {}));
      if (res.kind === 'redirect') {
        if (hop >= this.policy.maxRedirects) throw new FinalError('redirect', `more than ${this.policy.maxRedirects} redirects from ${start}`);
        const next = normaliseUrl(res.location, url);
        if (!next) throw new FinalError('redirect', `redirect to a non-http(s) URL: ${res.location}`);
        if (!onHosts(next, this.hosts)) throw new FinalError('off-site', `redirect leaves the source's hosts: ${next}`);
        url = next;
        continue;
      }
      if (res.kind === 'not-modified') return { ok: true, notModified: true, url: start, finalUrl: url, status: 304 };
      const decoded = decodePage(res.body, res.contentType);
      if (!decoded.ok) throw new FinalError('charset', decoded.error);
      return {
        ok: true, notModified: false, url: start, finalUrl: url, status: res.status, text: decoded.text, encoding: decoded.encoding,
        ...(decoded.note ? { note: decoded.note } : {}),
        ...(res.etag ? { etag: res.etag } : {}),
        ...(res.lastModified ? { lastModified: res.lastModified } : {}),
        bytes: res.body.length,
      };
    }
  }

  /** One HTTP exchange, run inside the host queue. */
  private async request(url: string, validators: Validators): Promise<
    | { kind: 'redirect'; location: string }
    | { kind: 'not-modified' }
    | { kind: 'page'; status: number; body: Buffer; contentType: string | null; etag?: string; lastModified?: string }
  > {
    this.requests++;
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), this.policy.timeoutMs);
    try {
      const headers: Record<string, string> = { 'user-agent': this.userAgent, accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' };
      if (validators.etag) headers['if-none-match'] = validators.etag;
      if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
      let res: Response;
      try {
        res = await fetch(url, { headers, redirect: 'manual', signal: ctl.signal });
      } catch (e) {
        throw ctl.signal.aborted ? new RetryableError('timeout', `no answer within ${this.policy.timeoutMs} ms`) : new RetryableError('network', networkMessage(e));
      }
      if (res.status >= 300 && res.status < 400 && res.status !== 304) {
        await res.body?.cancel().catch(() => {});
        const location = res.headers.get('location');
        if (!location) throw new FinalError('redirect', `HTTP ${res.status} without a Location header`, res.status);
        return { kind: 'redirect', location };
      }
      if (res.status === 304) return { kind: 'not-modified' };
      if (res.status === 429 || res.status >= 500) {
        await res.body?.cancel().catch(() => {});
        const kind = res.status === 429 ? 'http-429' : 'http-5xx';
        throw new RetryableError(kind, `HTTP ${res.status}`, retryAfterMs(res.headers.get('retry-after')), res.status);
      }
      if (res.status >= 400) {
        await res.body?.cancel().catch(() => {});
        throw new FinalError('http-4xx', `HTTP ${res.status}`, res.status);
      }
      const contentType = res.headers.get('content-type');
      if (contentType && !/html|xml|text\/plain/i.test(contentType)) {
        await res.body?.cancel().catch(() => {});
        throw new FinalError('not-html', `not a web page (${contentType})`);
      }
      const declared = Number(res.headers.get('content-length'));
      if (declared > this.policy.maxBytes) {
        await res.body?.cancel().catch(() => {});
        throw new FinalError('too-large', `page of ${declared} bytes is over the ${this.policy.maxBytes} byte cap`);
      }
      const body = await readCapped(res, this.policy.maxBytes, ctl.signal, this.policy.timeoutMs);
      return {
        kind: 'page', status: res.status, body, contentType,
        etag: res.headers.get('etag') ?? undefined, lastModified: res.headers.get('last-modified') ?? undefined,
      };
    } finally {
      clearTimeout(timer);
    }
  }

  /** The host's queue and robots rules, set up on first contact. */
  private host(u: URL): Promise<HostState> {
    const key = `${u.protocol}//${u.host}`;
    let s = this.state.get(key);
    if (!s) {
      s = this.setUpHost(key);
      this.state.set(key, s);
    }
    return s;
  }

  private async setUpHost(origin: string): Promise<HostState> {
    const robotsUrl = `${origin}/robots.txt`;
    let robots: HostState['robots'];
    let crawlDelaySec = 0;
    try {
      this.requests++;
      const res = await fetch(robotsUrl, { headers: { 'user-agent': this.userAgent }, signal: AbortSignal.timeout(this.policy.timeoutMs) });
      // A missing robots.txt (4xx) allows everything; a server error leaves us without rules as well.
      if (res.ok) {
        const text = (await readCapped(res, 512 * 1024)).toString('utf8');
        const parsed = robotsParser(robotsUrl, text);
        robots = parsed;
        crawlDelaySec = parsed.getCrawlDelay(ROBOTS_AGENT) ?? 0;
      } else {
        await res.body?.cancel().catch(() => {});
      }
    } catch {
      // Unreachable robots.txt: the page requests will report the real network error.
    }
    const delayMs = Math.max(this.policy.delayMs, Math.min(crawlDelaySec, this.policy.maxCrawlDelaySec) * 1000);
    const queue = delayMs > 0
      ? new PQueue({ concurrency: this.policy.concurrency, interval: delayMs, intervalCap: 1, strict: true })
      : new PQueue({ concurrency: this.policy.concurrency });
    return { queue, robots, delayMs };
  }
}

async function readCapped(res: Response, maxBytes: number, signal?: AbortSignal, timeoutMs?: number): Promise<Buffer> {
  if (!res.body) return Buffer.alloc(0);
  const reader = res.body.getReader();
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for (;;) {
      let r: ReadableStreamReadResult<Uint8Array>;
      try {
        r = await reader.read();
      } catch (e) {
        throw signal?.aborted ? new RetryableError('timeout', `page not complete within ${timeoutMs} ms`) : new RetryableError('network', networkMessage(e));
      }
      if (r.done) break;
      size += r.value.length;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        throw new FinalError('too-large', `page is over the ${maxBytes} byte cap`);
      }
      chunks.push(Buffer.from(r.value));
    }
  } finally {
    reader.releaseLock?.();
  }
  return Buffer.concat(chunks);
}

/** Retry-After as seconds or as an HTTP date. */
export function retryAfterMs(v: string | null): number | undefined {
  if (!v) return undefined;
  if (/^\d+$/.test(v.trim())) return Number(v.trim()) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : Math.max(0, t - Date.now());
}

function networkMessage(e: unknown): string {
  const err = e as { message?: string; cause?: { code?: string; message?: string } };
  const code = err.cause?.code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `host not found (${code})`;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'connection reset';
  return err.cause?.message ?? err.message ?? String(e);
}

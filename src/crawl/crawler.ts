// One crawl of one source: discover (e-paper editions or portal list pages) into
// the frontier, fetch what is pending, extract, ingest. Every step is written to
// the database before the next, so a crawl killed at any point resumes where it
// stopped: nothing lost (pending rows are fetched again) and nothing duplicated
// (an article and its frontier row are committed in one transaction).
import { createHash } from 'node:crypto';
import type { Store } from '../store/db.ts';
import { ensureSource, ingestArticle, type IngestStatus } from '../store/ingest.ts';
import { htmlToArticle } from '../article/html.ts';
import { dateInUrl } from '../article/metadata.ts';
import { UserError } from '../errors.ts';
import { Fetcher, type FetchErrorKind, type FetchPolicy, type FetchResult } from './fetcher.ts';
import { declaredPlace, sourceHosts, type EpaperSource, type PortalSource, type SourceDef } from './sources.ts';
import { CrawlState, acquireLease, releaseLease, renewLease, type FrontierRow } from './state.ts';
import { editionPages, editionUrls, metaRefresh, pageArticles } from './epaper.ts';
import { listArticles, nextListPage } from './portal.ts';
import { addDays, dateRange, todayInShanghai } from './dates.ts';

export interface CrawlOptions {
  /** First and last edition date (e-papers), YYYY-MM-DD. Default: the source's due range. */
  from?: string;
  to?: string;
  /** E-paper sections to crawl, by name (新郑时报). Default: all. */
  sections?: string[];
  /** Fetch stored articles again (conditional requests); the content hash decides what changed. */
  refresh?: boolean;
  /** Overrides of the source's politeness settings. */
  policy?: Partial<FetchPolicy>;
  /** A pending URL that failed this many times (timeouts, 5xx) is given up. Default 5. */
  maxAttempts?: number;
  /** How long a lease lasts without renewal. Default 10 minutes. */
  leaseTtlMs?: number;
  onProgress?: (p: CrawlProgress) => void;
}

export interface CrawlProgress {
  source: string;
  /** What is being worked on: an edition date or a list URL. */
  label: string;
  done: number;
  total: number;
}

export interface CrawlSummary {
  source: string;
  runId: number;
  status: 'ok' | 'partial' | 'failed';
  /** Pages fetched with content (HTTP 200), robots.txt not counted. */
  pagesFetched: number;
  /** Every HTTP request made, robots.txt and retries included. */
  requests: number;
  articles: Record<IngestStatus, number>;
  editionsCrawled: number;
  editionsSkipped: number;
  errors: Record<string, number>;
  ms: number;
}

const TRANSIENT = new Set<FetchErrorKind>(['timeout', 'network', 'http-5xx', 'http-429']);

/** Crawls one source. Takes the source's lease for the duration; refuses when another crawl holds it. */
export async function crawlSource(store: Store, def: SourceDef, opts: CrawlOptions = {}): Promise<CrawlSummary> {
  const ttl = opts.leaseTtlMs ?? 10 * 60_000;
  const lease = acquireLease(store, def.key, ttl);
  if (!lease.ok) throw new UserError(`source "${def.key}" is being crawled by ${lease.holder} (lease until ${lease.expiresAt}); not starting a second crawl`, 75);
  const renew = setInterval(() => renewLease(store, def.key, ttl), Math.max(1000, ttl / 3));
  renew.unref();
  try {
    const run = new SourceCrawl(store, def, opts);
    return await run.run();
  } finally {
    clearInterval(renew);
    releaseLease(store, def.key);
  }
}

class SourceCrawl {
  private readonly state: CrawlState;
  private readonly fetcher: Fetcher;
  private readonly runId: number;
  private readonly started = Date.now();
  private readonly summary: CrawlSummary;
  private readonly maxAttempts: number;

  constructor(private readonly store: Store, private readonly def: SourceDef, private readonly opts: CrawlOptions) {
    this.state = new CrawlState(store);
    const contact = def.contact ? { contact: def.contact } : {};
    this.fetcher = new Fetcher(sourceHosts(def), { ...contact, ...def.politeness, ...opts.policy });
    this.runId = this.state.startRun(def.key);
    // Registered with its display name before the first article, which would register it by key only.
    ensureSource(store.db, def.key, def.kind, def.name);
    this.maxAttempts = opts.maxAttempts ?? 5;
    this.summary = {
      source: def.key, runId: this.runId, status: 'ok', pagesFetched: 0, requests: 0,
      articles: { new: 0, updated: 0, unchanged: 0 }, editionsCrawled: 0, editionsSkipped: 0, errors: {}, ms: 0,
    };
  }

  async run(): Promise<CrawlSummary> {
    try {
      if (this.def.kind === 'epaper') await this.crawlEpaper(this.def);
      else await this.crawlPortal(this.def);
    } catch (e) {
      if (e instanceof UserError) throw e;
      this.error('internal', null, (e as Error).message);
    }
    const s = this.summary;
    s.requests = this.fetcher.requests;
    s.ms = Date.now() - this.started;
    const stored = s.articles.new + s.articles.updated + s.articles.unchanged;
    const errors = Object.values(s.errors).reduce((a, b) => a + b, 0);
    s.status = errors === 0 ? 'ok' : stored > 0 || s.pagesFetched > 0 ? 'partial' : 'failed';
    this.state.finishRun(this.runId, { status: s.status, pages: s.pagesFetched, ...s.articles, errors });
    return s;
  }

  // ---- e-paper -------------------------------------------------------------

  private async crawlEpaper(def: EpaperSource): Promise<void> {
    const sections = this.opts.sections;
    for (const s of sections ?? []) {
      if (!def.sections?.some((x) => x.name === s)) {
        const known = def.sections?.map((x) => x.name).join(', ') || 'none';
        throw new UserError(`source "${def.key}" has no section "${s}" (sections: ${known})`, 2);
      }
    }
    const { from, to } = this.epaperRange(def);
    for (const date of dateRange(from, to)) {
      const keys = sections ?? [''];
      if (!this.opts.refresh && keys.every((k) => this.state.isEditionDone(def.key, date, k))) {
        this.summary.editionsSkipped++;
        continue;
      }
      const complete = await this.crawlEdition(def, date);
      if (complete) {
        const done = this.state.rows(def.key, { kind: 'article', edition: date, sections, states: ['done'] }).length;
        for (const k of keys) this.state.markEditionDone(def.key, date, k, done);
        this.state.raiseMark(def.key, { edition: date });
        this.summary.editionsCrawled++;
      }
    }
  }

  /** The editions to crawl: the options' range, else from the high-water mark (less the lookback) to today. */
  private epaperRange(def: EpaperSource): { from: string; to: string } {
    const today = todayInShanghai();
    const to = this.opts.to ?? (this.opts.from ? this.opts.from : today);
    if (this.opts.from) return { from: this.opts.from, to };
    const mark = this.state.mark(def.key)?.lastEdition;
    const from = mark ? addDays(mark, -def.lookbackDays) : def.since ?? addDays(today, -def.lookbackDays);
    return { from: from > to ? to : from, to };
  }

  /** Crawls one edition; true when nothing of it is left pending. */
  private async crawlEdition(def: EpaperSource, date: string): Promise<boolean> {
    const sections = this.opts.sections;
    const label = date;
    const entryKey = `edition:${date}`;
    const entryRow = this.state.get(def.key, entryKey);
    if (!entryRow || entryRow.state !== 'done') {
      const found = await this.fetchEditionEntry(def, date);
      if (found === 'missing') return date < todayInShanghai();
      if (!found) return false;
      const pages = editionPages(def, found.text, found.url);
      this.state.tx(() => {
        for (const p of pages) {
          const page = [p.number, p.name].filter(Boolean).join(' ') || null;
          this.state.add({ source: def.key, url: p.url, kind: 'page', edition: date, section: p.section, page });
        }
        this.state.add({ source: def.key, url: entryKey, kind: 'edition', edition: date });
        this.state.markDone(this.state.get(def.key, entryKey)!.id);
      });
      // The entry page is the first 版面: its articles are read from the copy in hand.
      const first = this.state.get(def.key, found.url);
      if (first && first.state === 'pending' && (!sections || sections.includes(first.section ?? ''))) this.enqueueArticles(def, first, found.text);
    }
    const pendingPages = this.state.rows(def.key, { kind: 'page', edition: date, sections, states: ['pending'] });
    await Promise.all(pendingPages.map(async (row) => {
      const r = await this.fetch(row.url);
      if (!r.ok) return this.failRow(row, r);
      if (r.notModified) return;
      this.enqueueArticles(def, row, r.text);
    }));
    const states: FrontierRow['state'][] = this.opts.refresh ? ['pending', 'done'] : ['pending'];
    const articles = this.state.rows(def.key, { kind: 'article', edition: date, sections, states });
    await this.fetchArticles(articles, label);
    const left = this.state.rows(def.key, { kind: 'page', edition: date, sections, states: ['pending'] }).length
      + this.state.rows(def.key, { kind: 'article', edition: date, sections, states: ['pending'] }).length;
    return left === 0;
  }

  /** The entry page of an edition, trying each configured template; 'missing' when every one is 404. */
  private async fetchEditionEntry(def: EpaperSource, date: string): Promise<{ url: string; text: string } | 'missing' | undefined> {
    let allMissing = true;
    for (const url of editionUrls(def, date)) {
      const r = await this.fetcher.fetchPage(url);
      if (r.ok && !r.notModified) {
        this.summary.pagesFetched++;
        // A root page that only forwards to the edition (<meta http-equiv=refresh>).
        const forward = editionPages(def, r.text, r.finalUrl).length <= 1 ? metaRefresh(r.text, r.finalUrl) : undefined;
        // A forward to another date is the site's "no such edition" answer (back to the latest issue).
        const forwardDate = forward ? dateInUrl(forward) : undefined;
        if (forwardDate && forwardDate !== date) continue;
        if (forward) {
          const f = await this.fetch(forward);
          if (f.ok && !f.notModified) return { url: f.finalUrl, text: f.text };
          continue;
        }
        return { url: r.finalUrl, text: r.text };
      }
      if (!r.ok && r.status === 404) continue;
      allMissing = false;
      if (!r.ok) this.error(r.kind, url, r.message);
    }
    if (allMissing) {
      this.state.log(this.runId, def.key, 'no-edition', null, `no edition for ${date} (every entry page answered 404)`);
      return 'missing';
    }
    return undefined;
  }

  /** Articles on a 版面 page go into the frontier with the page's section and label; the page row is done. */
  private enqueueArticles(def: EpaperSource, row: FrontierRow, html: string): void {
    const links = pageArticles(def, html, row.url);
    this.state.tx(() => {
      for (const l of links) this.state.add({ source: def.key, url: l.url, kind: 'article', edition: row.edition, section: row.section, page: row.page });
      this.state.markDone(row.id);
    });
  }

  // ---- portals -------------------------------------------------------------

  private async crawlPortal(def: PortalSource): Promise<void> {
    for (const list of def.lists) {
      const listUrl = new URL(list, def.base).toString();
      let pageUrl: string | undefined = listUrl;
      for (let n = 0; pageUrl; n++) {
        // Only the first list page is asked conditionally: a 304 there means nothing new anywhere.
        const v = n === 0 ? this.state.validators(pageUrl) : undefined;
        const r = await this.fetch(pageUrl, v ? { etag: v.etag, lastModified: v.lastModified } : {});
        if (!r.ok || r.notModified) break;
        const links = listArticles(def, r.text, pageUrl);
        let fresh = 0;
        this.state.tx(() => {
          for (const l of links) if (this.state.add({ source: def.key, url: l.url, kind: 'article' })) fresh++;
        });
        if (n === 0) this.state.setValidators(pageUrl, { etag: r.etag, lastModified: r.lastModified, status: r.status });
        // Lists are newest first: a page with nothing new means the rest was seen before.
        if (fresh === 0) break;
        pageUrl = nextListPage(def, r.text, listUrl, pageUrl, n);
      }
    }
    const states: FrontierRow['state'][] = this.opts.refresh ? ['pending', 'done'] : ['pending'];
    await this.fetchArticles(this.state.rows(def.key, { kind: 'article', states }), def.key);
  }

  // ---- articles ------------------------------------------------------------

  private async fetchArticles(rows: FrontierRow[], label: string): Promise<void> {
    let done = 0;
    const total = rows.length;
    this.opts.onProgress?.({ source: this.def.key, label, done, total });
    await Promise.all(rows.map(async (row) => {
      await this.fetchArticle(row);
      this.opts.onProgress?.({ source: this.def.key, label, done: ++done, total });
    }));
  }

  private async fetchArticle(row: FrontierRow): Promise<void> {
    const v = row.state === 'done' ? this.state.validators(row.url) : undefined;
    const r = await this.fetch(row.url, v ? { etag: v.etag, lastModified: v.lastModified } : {});
    if (!r.ok) return this.failRow(row, r);
    if (r.notModified) {
      this.summary.articles.unchanged++;
      return;
    }
    let article;
    try {
      article = htmlToArticle(r.text, row.url, { selectors: this.def.selectors });
    } catch (e) {
      this.error('parse', row.url, `cannot read the page: ${(e as Error).message}`);
      return this.state.markFailed(row.id, 'parse');
    }
    if (!article.body.trim()) {
      this.error('parse', row.url, 'no article text found on the page');
      return this.state.markFailed(row.id, 'no article text');
    }
    article.source = this.def.key;
    if (row.section) article.section = row.section;
    if (row.page) article.page = row.page;
    article.place ??= declaredPlace(this.def.key, article.section, [this.def]);
    // The edition's date is the publication date of everything in it.
    if (row.edition) article.published = row.edition;
    const hash = createHash('sha256').update(r.text).digest('hex');
    const fetchedAt = new Date().toISOString();
    let res;
    try {
      res = this.state.tx(() => {
        const out = ingestArticle(this.store, article, { fetchedAt, sourceKind: this.def.kind });
        this.state.markDone(row.id, out.id);
        this.state.setValidators(row.url, { etag: r.etag, lastModified: r.lastModified, contentHash: hash, status: r.status });
        return out;
      });
    } catch (e) {
      // Nothing was written (one transaction); the row stays pending and the next run tries again.
      this.error('ingest', row.url, `could not store the article: ${(e as Error).message}`);
      return this.state.markRetry(row.id, `ingest: ${(e as Error).message}`, row.attempts, this.maxAttempts);
    }
    this.summary.articles[res.status]++;
    if (article.published) this.state.raiseMark(this.def.key, { published: article.published });
  }

  // ---- plumbing ------------------------------------------------------------

  /** Fetches a page, counting it and logging a failure (the caller decides what the failure means for its row). */
  private async fetch(url: string, validators = {}): Promise<FetchResult> {
    const r = await this.fetcher.fetchPage(url, validators);
    if (!r.ok) {
      this.error(r.kind, url, r.message);
      return r;
    }
    if (!r.notModified) {
      this.summary.pagesFetched++;
      if (r.note) this.state.log(this.runId, this.def.key, 'charset-note', url, r.note);
    }
    return r;
  }

  private failRow(row: FrontierRow, err: { kind: FetchErrorKind; message: string }): void {
    if (TRANSIENT.has(err.kind)) this.state.markRetry(row.id, `${err.kind}: ${err.message}`, row.attempts, this.maxAttempts);
    else this.state.markFailed(row.id, `${err.kind}: ${err.message}`);
  }

  private error(kind: string, url: string | null, message: string): void {
    this.summary.errors[kind] = (this.summary.errors[kind] ?? 0) + 1;
    this.state.log(this.runId, this.def.key, kind, url, message);
  }
}

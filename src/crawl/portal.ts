// Portal list pages: article links by pattern, and the next list page from a
// "下一页" link, a `createPageHTML(N, …)` page count (TRS), or a URL template.
import * as cheerio from 'cheerio';
import type { PortalSource } from './sources.ts';
import { DEFAULT_PORTAL_ARTICLE_LINK } from './sources.ts';
import { linksOf, matchingLinks, type PageLink } from './links.ts';
import { normaliseUrl } from './url.ts';

export function listArticles(def: PortalSource, html: string, listUrl: string): PageLink[] {
  return matchingLinks(linksOf(html, listUrl), def.articleLink ?? DEFAULT_PORTAL_ARTICLE_LINK);
}

/** Total pages announced by TRS's `createPageHTML(N, current, "index", "html")`. */
export function announcedPageCount(html: string): number | undefined {
  const m = /createPageHTML\(\s*['"]?(\d+)/.exec(html);
  return m ? Number(m[1]) : undefined;
}

/**
 * The list page after page `n` (0 = the list URL itself), or undefined at the end.
 * A configured pattern wins; then TRS's page count with `index_{n}.html`; then a
 * link reading 下一页.
 */
export function nextListPage(def: PortalSource, html: string, listUrl: string, pageUrl: string, n: number): string | undefined {
  const maxPages = def.pagination?.maxPages ?? 50;
  if (n + 1 >= maxPages) return undefined;
  const start = def.pagination?.start ?? 1;
  const count = announcedPageCount(html);
  if (count !== undefined && n + 1 >= count) return undefined;
  const pattern = def.pagination?.pattern ?? (count !== undefined ? 'index_{n}.html' : undefined);
  if (pattern) return normaliseUrl(pattern.replaceAll('{n}', String(start + n)), listUrl);
  const $ = cheerio.load(html);
  let next: string | undefined;
  $('a[href]').each((_, a) => {
    if (!next && /^\s*(下一页|下页|>|›|»)\s*$/.test($(a).text())) next = normaliseUrl($(a).attr('href') ?? '', pageUrl);
  });
  return next && next !== pageUrl ? next : undefined;
}

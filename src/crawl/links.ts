// Links out of a fetched page: every <a href> and image-map <area href>, resolved
// and normalised, with the text the reader sees on the link.
import * as cheerio from 'cheerio';
import { normaliseUrl } from './url.ts';

export interface PageLink {
  url: string;
  text: string;
}

export function linksOf(html: string, pageUrl: string): PageLink[] {
  const $ = cheerio.load(html);
  const out: PageLink[] = [];
  const seen = new Map<string, PageLink>();
  $('a[href], area[href]').each((_, el) => {
    const href = ($(el).attr('href') ?? '').trim();
    // `#` and `#top` point back into the same page (navigation bars use them as placeholders).
    if (!href || href.startsWith('#')) return;
    const url = normaliseUrl(href, pageUrl);
    if (!url) return;
    const text = ($(el).text() || $(el).attr('title') || $(el).attr('alt') || '').replace(/[\s\u3000\u00a0]+/g, ' ').trim();
    const prev = seen.get(url);
    // An article is linked from the image map and from the title list: keep the link with text.
    if (prev) {
      if (!prev.text && text) prev.text = text;
      return;
    }
    const link = { url, text };
    seen.set(url, link);
    out.push(link);
  });
  // Hanweb (大汉) column pages ship their first records as markup inside
  // <script type="text/xml"><datastore>…<![CDATA[<a href=…>]]>, which the HTML parser leaves as text.
  $('script').each((_, el) => {
    const code = $(el).text();
    if (!/<a\s/i.test(code)) return;
    for (const m of code.matchAll(/<a\s[^>]*?href\s*=\s*["']([^"']+)["'][^>]*>([\s\S]*?)<\/a>/gi)) {
      const url = m[1].startsWith('#') ? undefined : normaliseUrl(m[1], pageUrl);
      if (!url || seen.has(url)) continue;
      const link = { url, text: m[2].replace(/<[^>]+>/g, '').replace(/[\s\u3000\u00a0]+/g, ' ').trim() };
      seen.set(url, link);
      out.push(link);
    }
  });
  return out;
}

/** Links whose URL matches `pattern` (a regular expression tested against the full URL). */
export function matchingLinks(links: PageLink[], pattern: string | RegExp): PageLink[] {
  const re = typeof pattern === 'string' ? new RegExp(pattern) : pattern;
  return links.filter((l) => re.test(l.url));
}

/** `<meta http-equiv="refresh" content="0; URL=html/2017-11/02/node_2.htm">`, resolved. */
export function metaRefresh(html: string, pageUrl: string): string | undefined {
  const m = /<meta[^>]+http-equiv\s*=\s*["']?refresh["']?[^>]*content\s*=\s*["']?\s*\d*\s*;?\s*url\s*=\s*([^"'>\s]+)/i.exec(html);
  return m ? normaliseUrl(m[1], pageUrl) : undefined;
}

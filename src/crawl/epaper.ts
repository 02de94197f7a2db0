// Founder-style e-paper editions: the entry page of a date lists the 版面, each
// 版面 page lists its articles (content_N.htm in the same date folder).
import type { EpaperSource } from './sources.ts';
import { linksOf, matchingLinks, metaRefresh, type PageLink } from './links.ts';
import { normaliseUrl } from './url.ts';

export interface EditionPage {
  url: string;
  /** 版面 number as printed: X01, A02, 3. */
  number?: string;
  /** 版面 name: 新郑时报, 要闻. */
  name?: string;
  /** The configured section it belongs to, '' when none matches. */
  section: string;
}

/** Entry page URLs of the edition of `date` (YYYY-MM-DD), in the order to try. */
export function editionUrls(def: EpaperSource, date: string): string[] {
  const [yyyy, mm, dd] = date.split('-');
  const templates = Array.isArray(def.edition) ? def.edition : [def.edition];
  return templates
    .map((t) => t.replaceAll('{yyyymm}', `${yyyy}${mm}`).replaceAll('{yyyy}', yyyy).replaceAll('{mm}', mm).replaceAll('{dd}', dd))
    .map((t) => normaliseUrl(t, def.base))
    .filter((u): u is string => !!u);
}

/** The folder of a URL (everything up to the last slash): 版面 and articles of an edition live there. */
function folderOf(url: string): string {
  return url.slice(0, url.lastIndexOf('/') + 1);
}

/**
 * Whether a link belongs to the same edition as the page it is on: it is in the
 * same folder (older Founder: /html/2017-11/02/), or its path carries the
 * edition date (newer Founder keeps 版面 in /pc/layout/201711/02/ and articles in
 * /pc/content/201711/02/). Links to other dates (上一期, 下一期) are left out.
 */
function sameEdition(url: string, pageUrl: string): boolean {
  if (url.startsWith(folderOf(pageUrl))) return true;
  const date = dateKey(pageUrl);
  return !!date && dateKey(url) === date;
}

function dateKey(url: string): string | undefined {
  const m = /\/((?:19|20)\d{2})-?(\d{2})\/(\d{2})\//.exec(new URL(url).pathname) ?? /\/((?:19|20)\d{2})(\d{2})(\d{2})\//.exec(new URL(url).pathname);
  return m ? `${m[1]}${m[2]}${m[3]}` : undefined;
}

/**
 * `第X01版：新郑时报`, `X01版:要闻`, `第3版 综合`, `A02：要闻` → number and name.
 */
export function parsePageLabel(text: string): { number?: string; name?: string } {
  const t = text.replace(/[\s\u3000]+/g, ' ').trim();
  const m = /^(?:第\s*)?([A-Za-z]{0,2}\s?\d{1,3})\s*(?:版|版面)?\s*[:：]?\s*(.*)$/.exec(t);
  if (!m || !/\d/.test(m[1])) return t ? { name: t } : {};
  const name = m[2].replace(/\s*(?:PDF|pdf)$/, '').trim();
  return { number: m[1].replace(/\s/g, '').toUpperCase(), name: name || undefined };
}

/** The configured section a 版面 belongs to: by its name, else by its number's letter prefix. */
export function sectionOf(def: EpaperSource, page: { number?: string; name?: string }): string {
  for (const s of def.sections ?? []) {
    if (page.name && page.name.includes(s.name)) return s.name;
  }
  for (const s of def.sections ?? []) {
    const prefix = page.number?.match(/^[A-Z]+/)?.[0];
    if (prefix && s.pages?.some((p) => p.toUpperCase() === prefix)) return s.name;
  }
  return '';
}

/**
 * The 版面 of an edition from its entry page: links matching `pageLink` in the
 * same date folder, the entry page itself included (it is the first 版面).
 */
export function editionPages(def: EpaperSource, html: string, entryUrl: string): EditionPage[] {
  const links = matchingLinks(linksOf(html, entryUrl), def.pageLink).filter((l) => sameEdition(l.url, entryUrl));
  const pages: EditionPage[] = [];
  const seen = new Set<string>();
  const push = (l: PageLink) => {
    if (seen.has(l.url)) {
      // The directory lists the entry page too, with its label: take the label.
      const p = pages.find((x) => x.url === l.url);
      const label = labelled(def, l);
      if (p && !p.number && label.number) Object.assign(p, label);
      return;
    }
    seen.add(l.url);
    pages.push({ url: l.url, ...labelled(def, l) });
  };
  push({ url: entryUrl, text: '' });
  for (const l of links) push(l);
  return pages;
}

function labelled(def: EpaperSource, l: PageLink): Omit<EditionPage, 'url'> {
  const label = parsePageLabel(l.text);
  return { ...label, section: sectionOf(def, label) };
}

/** Article links on a 版面 page (title list and image map), in the same date folder. */
export function pageArticles(def: EpaperSource, html: string, pageUrl: string): PageLink[] {
  return matchingLinks(linksOf(html, pageUrl), def.articleLink).filter((l) => sameEdition(l.url, pageUrl));
}

/** A root page that only redirects to the current edition. */
export { metaRefresh };

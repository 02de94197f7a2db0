// Article pages of the Founder 数字报 system (郑州晚报 and most Chinese e-papers).
// Three generations of template carry the same fields in different places; each
// reader below handles one and the first that finds a value wins.
import type { Doc } from './dom.ts';
import { lineOf, paragraphsOf, loadHtml, NOISE } from './dom.ts';
import { normaliseLine } from './repair.ts';
import { dateInText } from './metadata.ts';

export interface FounderFields {
  title?: string;
  introTitle?: string;
  subTitle?: string;
  published?: string;
  pageNumber?: string;
  pageName?: string;
  author?: string;
  /** Raw paragraphs of the body, before repair. */
  paragraphs?: string[];
}

/** Whether a page comes from a Founder e-paper: one of its markers is present. */
export function isFounderPage(html: string): boolean {
  return /<!--\s*enpproperty|<founder-(?:title|content)|id\s*=\s*["']?ozoom|<!--\s*enpcontent/i.test(html);
}

export function readFounder(html: string, $: Doc): FounderFields {
  const enp = readEnpProperty(html);
  const tags = readFounderTags($);
  const header = readPageHeader($);
  const heads = readHeadingTags($);
  const cells = readTableCells($);
  const pick = <K extends keyof FounderFields>(k: K) => enp[k] ?? tags[k] ?? heads[k] ?? cells[k] ?? header[k];
  return {
    title: pick('title'),
    introTitle: pick('introTitle'),
    subTitle: pick('subTitle'),
    published: pick('published'),
    pageNumber: tags.pageNumber ?? header.pageNumber,
    pageName: enp.pageName ?? header.pageName,
    author: enp.author ?? tags.author,
    paragraphs: readBody(html, $),
  };
}

/** Older template: `<!--enpproperty <title>…</title><introtitle>…</introtitle>… /enpproperty-->`. */
function readEnpProperty(html: string): FounderFields {
  const m = /<!--\s*enpproperty([\s\S]*?)\/enpproperty\s*-->/i.exec(html);
  if (!m) return {};
  const field = (tag: string) => {
    const f = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'i').exec(m[1]);
    const v = f ? normaliseLine(f[1].replace(/<[^>]+>/g, ' ')) : '';
    return v || undefined;
  };
  return {
    title: field('title'),
    introTitle: field('introtitle'),
    subTitle: field('subtitle'),
    published: dateInText(field('date')),
    pageName: field('nodename'),
    author: field('author'),
  };
}

/** Newer template: `<founder-title>`, `<founder-introtitle>`, `<founder-subtitle>`, `<founder-date>`, `<founder-pagenum>`. */
function readFounderTags($: Doc): FounderFields {
  const tag = (name: string) => {
    const el = $(name).first();
    const v = el.length ? lineOf($, el) : '';
    return v || undefined;
  };
  return {
    title: tag('founder-title'),
    introTitle: tag('founder-introtitle'),
    subTitle: tag('founder-subtitle'),
    published: dateInText(tag('founder-date')),
    pageNumber: tag('founder-pagenum'),
    author: tag('founder-author'),
  };
}

/** People's Daily style: 引题 in an h3 just before the h1 title, 副题 in an h2 just after it. */
function readHeadingTags($: Doc): FounderFields {
  const h1 = $('h1').first();
  if (!h1.length) return {};
  // Siblings only: an h2 or h3 elsewhere on the page is a sidebar heading, not a headline line.
  const line = (el: ReturnType<typeof h1.prev>) => (el.length ? lineOf($, el) || undefined : undefined);
  return { title: line(h1), introTitle: line(h1.prevAll('h3').first()), subTitle: line(h1.nextAll('h2').first()) };
}

/**
 * Table templates: the title in a `td.font01` cell; the 引题 and 副题 cells,
 * when present, are the short cells just above and below it (*unverified* on
 * live pages, so nothing else depends on it).
 */
function readTableCells($: Doc): FounderFields {
  const cell = $('td.font01').first();
  if (!cell.length) return {};
  const row = cell.closest('tr');
  const sibling = (r: ReturnType<typeof row.prev>) => {
    const v = r.length ? lineOf($, r) : '';
    return v && v.length <= 60 && !/版|上一|下一|返回/.test(v) ? v : undefined;
  };
  return { title: lineOf($, cell) || undefined, introTitle: sibling(row.prev()), subTitle: sibling(row.next()) };
}

/** `第X02版:新郑时报 政务 上一版 下一版` in the page header. */
function readPageHeader($: Doc): FounderFields {
  for (const line of paragraphsOf($('body').toArray())) {
    const m = /第\s*([A-Za-z]{0,2}\d{1,3})\s*版\s*[:：]?\s*(.*)/.exec(normaliseLine(line));
    if (!m) continue;
    // The name is the words after the number, up to the navigation or a date printed beside it.
    const words: string[] = [];
    for (const w of m[2].split(' ')) {
      if (!w || /\d|上一版|下一版|上一期|下一期|返回|PDF|\|/i.test(w) || words.length === 3) break;
      words.push(w);
    }
    return { pageNumber: m[1].toUpperCase(), pageName: words.join(' ') || undefined };
  }
  return {};
}

function readBody(html: string, $: Doc): string[] | undefined {
  const enp = /<!--\s*enpcontent\s*-->([\s\S]*?)<!--\s*\/enpcontent\s*-->/i.exec(html);
  if (enp) {
    const $$ = loadHtml(`<div id="__enp">${enp[1]}</div>`);
    $$(NOISE).remove();
    const paras = paragraphsOf($$('#__enp').toArray());
    if (paras.length) return paras;
  }
  for (const sel of ['founder-content', '#ozoom']) {
    const el = $(sel).first();
    if (el.length) {
      const paras = paragraphsOf(el.toArray());
      if (paras.length) return paras;
    }
  }
  return undefined;
}

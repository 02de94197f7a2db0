// HTML page -> Article. Order of trust for every field: the source's own
// selectors, then the layout's known places (Founder e-paper tags, portal head
// meta tags, well-known body containers), then heuristics over the whole page.
import type { Article } from '../types.ts';
import type { Doc } from './dom.ts';
import { loadHtml, lineOf, metaContent, paragraphsOf, NOISE } from './dom.ts';
import { isFounderPage, readFounder } from './founder.ts';
import { genericParagraphs } from './generic.ts';
import { bylineOf, dateInText, dateInUrl, dateNearTitle, labelledDate, labelledSource, linesAfter, titleFromDocumentTitle } from './metadata.ts';
import { normaliseLine, repairParagraphs } from './repair.ts';

/** CSS selectors a source definition may give; each is optional and falls back to the heuristics. */
export interface ArticleSelectors {
  title?: string;
  introTitle?: string;
  subTitle?: string;
  date?: string;
  byline?: string;
  body?: string;
  /** The publishing office a portal credits (`来源：县应急管理局`). */
  source?: string;
}

/** An Article plus what pages tell that the Article record has no field for yet. */
export interface HtmlArticle extends Article {
  /** Portal `ContentSource` / `来源：…`: the office credited, not the source key. */
  contentSource?: string;
}

export interface HtmlOptions {
  selectors?: ArticleSelectors;
}

/**
 * Body containers of the common Chinese CMSs. Tried before the density search
 * because their inner markup (nested `div.Custom_UnionStyle` on TRS pages)
 * splits the text into several containers and the search would keep only one.
 */
const KNOWN_BODIES = ['.TRS_Editor', '.v_news_content', '#zoom', '.article-content', '#UCAP-CONTENT', '.pages_content', '.wp_articlecontent'];

/** Lines of the article header that sometimes sit inside the body container. */
const HEADER_LINE = /^(?:发布时间|发布日期|来源|作者|浏览次数|点击数|字号|【字体|分享到|打印本页|关闭窗口)/;

export function htmlToArticle(html: string, url?: string, opts: HtmlOptions = {}): HtmlArticle {
  const $ = loadHtml(html);
  $(NOISE).remove();
  const sel = opts.selectors ?? {};
  const founder = isFounderPage(html) ? readFounder(html, $) : {};
  const pageLines = paragraphsOf($('body').toArray()).map(normaliseLine);

  const title = bySelector($, sel.title) ?? founder.title ?? metaContent($, 'ArticleTitle', 'og:title') ?? headline($) ?? '';
  const introTitle = bySelector($, sel.introTitle) ?? founder.introTitle;
  const subTitle = bySelector($, sel.subTitle) ?? founder.subTitle;
  const published =
    dateInText(bySelector($, sel.date)) ??
    founder.published ??
    dateInText(metaContent($, 'PubDate', 'publishdate', 'pubdate', 'article:published_time', 'firstpublishedtime')) ??
    // Below the title first: a site header's clock (`今天是：2024年11月26日`) is not the article's date.
    labelledDate(linesAfter(pageLines, normaliseLine(title))) ??
    dateNearTitle(pageLines, normaliseLine(title)) ??
    dateInUrl(url) ??
    labelledDate(pageLines);

  let paragraphs = sel.body ? paragraphsOf($(sel.body).toArray()) : [];
  if (!paragraphs.length && founder.paragraphs) paragraphs = founder.paragraphs;
  for (const known of KNOWN_BODIES) {
    if (paragraphs.length) break;
    paragraphs = paragraphsOf($(known).toArray());
  }
  if (!paragraphs.length) paragraphs = genericParagraphs($);
  const heads = new Set([title, introTitle, subTitle].filter(Boolean).map((s) => normaliseLine(s!)));
  while (paragraphs.length && (heads.has(normaliseLine(paragraphs[0])) || HEADER_LINE.test(normaliseLine(paragraphs[0])))) paragraphs.shift();
  const body = repairParagraphs(paragraphs);

  const byline = bySelector($, sel.byline) ?? bylineOf(body.split('\n\n')) ?? founder.author;
  const page = [founder.pageNumber, founder.pageName].filter(Boolean).join(' ') || undefined;
  const contentSource = bySelector($, sel.source) ?? metaContent($, 'ContentSource') ?? labelledSource(linesAfter(pageLines, normaliseLine(title)).slice(0, 6));
  const article: HtmlArticle = { title: normaliseLine(title), body };
  if (contentSource) article.contentSource = contentSource;
  if (url) article.url = url;
  if (published) article.published = published;
  if (introTitle) article.introTitle = introTitle;
  if (subTitle) article.subTitle = subTitle;
  if (page) article.page = page;
  if (byline) article.byline = byline;
  return article;
}

function bySelector($: Doc, selector: string | undefined): string | undefined {
  if (!selector) return undefined;
  const el = $(selector).first();
  const v = el.length ? lineOf($, el) : '';
  return v || undefined;
}

/**
 * The headline: the heading (h1, h2, h3) that the article part of `<title>` names
 * (`标题_某县人民政府`), so a site name set in an <h1> logo is passed over; else
 * the h1; else the article part of `<title>`; else the first heading.
 */
function headline($: Doc): string | undefined {
  const docTitle = normaliseLine($('title').first().text());
  const articlePart = docTitle ? titleFromDocumentTitle(docTitle) : '';
  // On broken pages an unclosed heading swallows the body: its first line is the title.
  const headings = $('h1, h2, h3').toArray()
    .map((el) => ({ tag: (el as { name?: string }).name, text: normaliseLine(paragraphsOf([el])[0] ?? '') }))
    .filter((h) => h.text.length >= 4 && h.text.length <= 120);
  const named = articlePart ? headings.find((h) => articlePart.includes(h.text) || h.text.includes(articlePart)) : undefined;
  if (named) return named.text;
  const h1 = headings.find((h) => h.tag === 'h1');
  if (h1) return h1.text;
  return articlePart || headings[0]?.text;
}

// Main-text extraction for pages with no known layout, in the spirit of GNE
// (text and punctuation density) and Readability (paragraph scores propagate to
// their containers). Used when a source has no selector or its selector finds nothing.
import type { AnyNode, Element } from 'domhandler';
import type { Doc } from './dom.ts';
import { paragraphsOf } from './dom.ts';

/** A block shorter than this is navigation, a caption or a button, not prose. */
const MIN_BLOCK_CHARS = 12;
/** Above this share of link text a block is a menu or a list of related articles. */
const MAX_LINK_DENSITY = 0.35;
/** Chinese and Latin sentence punctuation: prose has it, menus do not. */
const PUNCT = /[，。；：！？、“”,.;:!?]/g;
/** Class and id words that mark page furniture (comments, footers, share bars) on Chinese news sites. */
const UNLIKELY = /comment|footer|foot|nav|menu|sidebar|side|share|copyright|banner|related|recommend|breadcrumb|crumb|header|login|ad-|advert|pinglun|xgxw|bottom|top/i;
/** Furniture that sits inside the article container itself (comment boxes, share bars, related links): removed from the body. */
const FURNITURE = /comment|pinglun|share|related|recommend|copyright|footer|breadcrumb|advert|xgxw|(^|[\s_-])(nav|menu)([\s_-]|$)/i;
/** … and those that mark the article body (TRS, VSB, Founder, common CMS names). */
const LIKELY = /content|article|text|main|body|detail|TRS_Editor|ozoom|v_news_content|zoom|news_con|con_txt|zw/i;

/** Share of the best container's score a sibling needs to count as more of the body. */
const SIBLING_SHARE = 0.2;

interface Score {
  el: Element;
  score: number;
}

/**
 * The element holding the article body: every text block scores by its length
 * and punctuation (and loses score for links); the score goes to its parent in
 * full and to its grandparent in half; the best container wins.
 */
export function findMainContainer($: Doc): Element[] {
  const scores = new Map<Element, Score>();
  const add = (el: Element | null | undefined, s: number) => {
    if (!el || el.type !== 'tag') return;
    const cur = scores.get(el) ?? { el, score: initialScore(el) };
    cur.score += s;
    scores.set(el, cur);
  };
  $('p, div, td, section, article, li, font, span, founder-content').each((_, node) => {
    const el = node as Element;
    // Only blocks that hold text themselves: a div of divs is scored through its children.
    const own = el.children.some((c) => c.type === 'text' && (c as unknown as { data: string }).data.trim().length > 0)
      || el.children.some((c) => c.type === 'tag' && /^(br|strong|b|em|i|u|font|span|a)$/i.test((c as Element).name));
    if (!own) return;
    if (el.name !== 'p' && el.children.some((c) => c.type === 'tag' && /^(p|div|table)$/i.test((c as Element).name))) return;
    const text = $(el).text().replace(/\s+/g, '');
    if (text.length < MIN_BLOCK_CHARS) return;
    const linkText = $(el).find('a').text().replace(/\s+/g, '').length;
    if (linkText / text.length > MAX_LINK_DENSITY) return;
    const punct = (text.match(PUNCT) ?? []).length;
    const s = 1 + punct + Math.min(text.length / 100, 3);
    const parent = el.parent as Element | null;
    add(parent, s);
    add(parent?.parent as Element | null, s / 2);
    if (el.name !== 'p') add(el, s);
  });
  const adjusted = new Map<Element, number>();
  let best: Score | undefined;
  for (const s of scores.values()) {
    // A container full of links is a list page section, however long.
    const all = $(s.el).text().replace(/\s+/g, '').length || 1;
    const links = $(s.el).find('a').text().replace(/\s+/g, '').length;
    const score = s.score * (1 - links / all);
    adjusted.set(s.el, score);
    if (!best || score > best.score) best = { el: s.el, score };
  }
  if (!best) return [];
  return withSiblings(best, adjusted);
}

/**
 * The best container and those of its siblings that also hold prose. CMS
 * editors split a body into several sibling blocks (one per pasted chunk); taking
 * only the best one is how extractors cut bodies short. A sibling joins when it
 * scores at least SIBLING_SHARE of the best (menus and link lists score nothing).
 */
function withSiblings(best: Score, scores: Map<Element, number>): Element[] {
  const parent = best.el.parent as Element | null;
  if (!parent || parent.type !== 'tag') return [best.el];
  const threshold = Math.max(3, best.score * SIBLING_SHARE);
  return parent.children.filter((c): c is Element => c === best.el || (c.type === 'tag' && (scores.get(c as Element) ?? 0) >= threshold));
}

function initialScore(el: Element): number {
  const name = `${el.attribs?.class ?? ''} ${el.attribs?.id ?? ''}`;
  let s = 0;
  if (LIKELY.test(name)) s += 5;
  if (UNLIKELY.test(name) && !LIKELY.test(name)) s -= 10;
  if (el.name === 'body' || el.name === 'html') s -= 5;
  return s;
}

/** The paragraphs of the main text, with menu-like short link lines dropped. */
export function genericParagraphs($: Doc): string[] {
  const main = findMainContainer($);
  if (!main.length) return [];
  const $main = $(main).clone();
  $main.find('*').each((_, el) => {
    const e = el as Element;
    const name = `${e.attribs?.class ?? ''} ${e.attribs?.id ?? ''}`;
    if (FURNITURE.test(name) && !LIKELY.test(name)) $(e).remove();
  });
  $main.find('a').each((_, a) => {
    // Keep inline links inside prose; drop blocks of links (prev/next, related).
    const t = $(a).text().trim();
    const parentText = $(a).parent().text().trim();
    if (t && t === parentText) $(a).remove();
  });
  return paragraphsOf($main.toArray() as AnyNode[]).filter((p) => !/^(?:上一篇|下一篇|返回|打印|关闭|【.{0,6}】)/.test(p.trim()));
}

// Small DOM helpers over cheerio shared by the article extractors.
import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { normaliseLine } from './repair.ts';

export type Doc = cheerio.CheerioAPI;

/** Tags whose boundaries are paragraph boundaries in the printed text. */
const BLOCK = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'table', 'tbody', 'section',
  'article', 'blockquote', 'pre', 'dd', 'dt', 'dl', 'center', 'form', 'hr', 'header', 'footer', 'figure',
  'figcaption', 'founder-content', 'founder-title', 'founder-subtitle', 'founder-introtitle',
]);
/** Never text: the page's machinery. */
export const NOISE = 'script, style, noscript, iframe, object, embed, select, textarea, button, input, svg, canvas, template';

export function loadHtml(html: string): Doc {
  return cheerio.load(html);
}

/**
 * The paragraphs inside an element as the reader sees them: every block element
 * and every `<br>` ends a line; table cells on one row share a line. Leading
 * full-width indents are kept (repairParagraphs uses them).
 */
export function paragraphsOf(root: AnyNode | AnyNode[]): string[] {
  const out: string[] = [];
  let cur = '';
  const flush = () => {
    if (cur.replace(/[\s\u3000\u00a0]/g, '') !== '') out.push(cur.replace(/[\r\n\t]+/g, ' '));
    cur = '';
  };
  const walk = (n: AnyNode) => {
    if (n.type === 'text') {
      cur += (n as unknown as { data: string }).data;
      return;
    }
    if (n.type !== 'tag') return; // comments, scripts, styles, directives
    const el = n as Element;
    const name = el.name.toLowerCase();
    if (name === 'td' || name === 'th') {
      if (cur.trim()) cur += ' ';
    }
    const block = BLOCK.has(name);
    if (block) flush();
    for (const c of el.children) walk(c);
    if (block) flush();
  };
  for (const n of Array.isArray(root) ? root : [root]) walk(n);
  flush();
  return out;
}

/** Visible text of an element on one line. */
export function lineOf($: Doc, sel: cheerio.Cheerio<AnyNode>): string {
  return normaliseLine(paragraphsOf(sel.toArray()).join(' '));
}

/** The content of `<meta name=X>` (or property=X), case-insensitive on the name. */
export function metaContent($: Doc, ...names: string[]): string | undefined {
  const want = new Set(names.map((n) => n.toLowerCase()));
  let found: string | undefined;
  $('meta').each((_, el) => {
    if (found) return;
    const key = ($(el).attr('name') ?? $(el).attr('property') ?? $(el).attr('itemprop') ?? '').toLowerCase();
    const content = $(el).attr('content');
    if (want.has(key) && content && content.trim()) found = normaliseLine(content);
  });
  return found;
}

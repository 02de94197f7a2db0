import * as cheerio from 'cheerio';
import type { Article } from '../types.ts';

/**
 * HTML page to Article. A first version: title from <title>/<h1>, body from
 * <p> elements. The crawler issue replaces it with the full extractor.
 */
export function htmlToArticle(html: string): Article {
  const $ = cheerio.load(html);
  $('script, style, noscript').remove();
  const title = ($('h1').first().text() || $('title').text()).trim();
  const paras = $('p').map((_, el) => $(el).text().replace(/[\s\u3000\u00a0]+/g, ' ').trim()).get().filter(Boolean);
  const body = paras.length ? paras.join('\n\n') : $('body').text().trim();
  return { title, body };
}

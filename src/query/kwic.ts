import type { Store } from '../store/db.ts';
import { parseQuery, positiveTerms, type QueryTerm } from '../store/query-parser.ts';
import { LITE_SEGMENTER, locateHits, search, type SearchOptions, type Segmenter } from '../store/search.ts';

/** One keyword-in-context line: the hit with `width` characters either side. */
export interface KwicLine {
  articleId: number;
  published: string | null;
  source: string | null;
  /** Code-point offsets of the hit in the article text (as in every extracted table). */
  charStart: number;
  charEnd: number;
  left: string;
  hit: string;
  right: string;
}

/** Newlines and runs of space become one space, so every line stays one line. */
const flat = (s: string) => s.replace(/\s+/g, ' ');
const cpLength = (s: string) => [...s].length;

/** Concordance lines of `terms` in one text, found by the search layer's own hit finder. */
export function kwicLines(text: string, terms: (string | QueryTerm)[], width: number, seg: Segmenter = LITE_SEGMENTER): Omit<KwicLine, 'articleId' | 'published' | 'source'>[] {
  return locateHits(text, terms, seg).map((h) => {
    const before = [...text.slice(0, h.start)], after = [...text.slice(h.end)];
    const charStart = before.length;
    return {
      charStart, charEnd: charStart + cpLength(text.slice(h.start, h.end)),
      left: flat(before.slice(Math.max(0, before.length - width)).join('')),
      hit: text.slice(h.start, h.end),
      right: flat(after.slice(0, width).join('')),
    };
  });
}

/** Every hit in the articles search() returns for these options (same order, same paging), one line each. */
export function kwic(store: Store, opts: SearchOptions & { width: number }, seg: Segmenter = LITE_SEGMENTER): { total: number; lines: KwicLine[] } {
  const res = search(store, opts, seg);
  const terms = positiveTerms(parseQuery(opts.query));
  const text = store.db.prepare('SELECT text FROM articles WHERE id = ?').pluck();
  const lines: KwicLine[] = [];
  for (const h of res.hits) {
    for (const l of kwicLines(text.get(h.id) as string, terms, opts.width, seg)) {
      lines.push({ articleId: h.id, published: h.published, source: h.section ?? h.source, ...l });
    }
  }
  return { total: res.total, lines };
}

import { articleText, type Article, type Extraction, type Span } from '../types.ts';
import { analyse, type Analysis } from './analysis.ts';
import { sentenceAt } from './sentences.ts';
import { findPersons } from './persons.ts';
import { findOfficials } from './officials.ts';
import { findBylines } from './bylines.ts';
import { findDates } from './dates.ts';
import { findFigures } from './figures.ts';
import { findInitiatives, findDocuments } from './quoted.ts';
import { findOrgs } from './orgs.ts';
import { placeOrgs } from './org-places.ts';
import { articlePlace, gazetteerPlace, officialPlaceOf, placeRef, placeWithin, resolvePosts, sceneOf } from './places.ts';

/** Everything extracted from one article; offsets point into `articleText(article)`. */
export function extractArticle(article: Article): Extraction {
  return extractText(articleText(article), article.published, article.place);
}

/** Runs every extractor over one text. Pure: same text, date and declared place, same result. */
export function extractText(text: string, published?: string, declaredPlace?: string): Extraction {
  return extractAnalysed(analyse(text, published), declaredPlace);
}

/**
 * The same, from an Analysis the caller made (the store reuses its tokens for the index).
 * `declaredPlace` is the place data/sources declares for the source or section (a gazetteer
 * name or code): the last resort for an official's place, never a newspaper's name.
 */
export function extractAnalysed(a: Analysis, declaredPlace?: string): Extraction {
  const text = a.text;
  const toCp = codePointOffsets(text);
  const span = (start: number, end: number): Span => ({
    start: toCp(start),
    end: toCp(end),
    sentence: sentenceAt(a.sentences, start)?.text ?? '',
  });
  // The items are fresh objects of this call, so each takes its span in place: a copy
  // of every item by spread costs more than some extractors (the items have many shapes).
  const withSpan = <T extends { start: number; end: number }>(items: T[]): (T & Span)[] => {
    for (const it of items) {
      (it as T & Span).sentence = sentenceAt(a.sentences, it.start)?.text ?? '';
      it.start = toCp(it.start);
      it.end = toCp(it.end);
    }
    return items as (T & Span)[];
  };

  const bylines = findBylines(a);
  const persons = findPersons(a, bylines);
  // Officials read the persons' and bylines' UTF-16 offsets: found before those are converted.
  const scene = sceneOf(a.text, a.tokens, declaredPlace ? gazetteerPlace(declaredPlace) : undefined);
  const found = findOfficials(a, persons, bylines);
  const allPosts = resolvePosts(found.map((o) => {
    // What the paragraph says before the first mention: a bare title's committee is named there.
    const at = o.mentions[0]?.start ?? 0;
    return { titles: o.titles, context: text.slice(Math.max(0, text.lastIndexOf('\n', at), at - 200), at) };
  }), scene, text);
  const officials = found.map((o, i) => {
    const posts = allPosts[i];
    const where = officialPlaceOf(posts);
    return {
      ...o,
      place: where?.place ?? null,
      placeCode: where?.placeCode ?? null,
      placeLevel: where?.placeLevel ?? null,
      posts,
      mentions: o.mentions.map((m) => span(m.start, m.end)),
    };
  });
  // Figures and initiatives are reported for the place their sentence names, else the article's.
  const home = articlePlace(scene);
  const placed = <T extends { start: number; place?: string | null; placeCode?: string | null }>(items: T[]): T[] => {
    for (const it of items) {
      const s = sentenceAt(a.sentences, it.start);
      const p = (s && placeWithin(scene, s.start, s.end)) ?? home;
      const ref = p && placeRef(p); // the same six-digit code officials get
      it.place = ref?.place ?? null;
      it.placeCode = ref?.placeCode ?? null;
    }
    return items;
  };
  return {
    officials,
    persons: withSpan(persons),
    bylines: withSpan(bylines),
    dates: withSpan(findDates(a)),
    figures: withSpan(placed(findFigures(a))),
    initiatives: withSpan(placed(findInitiatives(a))),
    documents: withSpan(findDocuments(a)),
    orgs: withSpan(placeOrgs(findOrgs(a), scene)),
  };
}

/**
 * Offsets leave the NLP as code points (what Python, R and SQLite's substr count),
 * while JS strings index UTF-16 units; they differ only after a character outside
 * the BMP, such as a rare name character from CJK Extension B.
 */
export function codePointOffsets(text: string): (utf16: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (i) => i;
  const map = new Int32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) cp++;
  }
  map[text.length] = cp;
  return (i) => map[i];
}

export type { Analysis };

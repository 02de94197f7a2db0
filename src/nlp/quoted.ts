import type { Analysis, FoundName } from './analysis.ts';

/** Each distinct item once, at its first occurrence. */
function firstOfEach(items: FoundName[]): FoundName[] {
  const seen = new Set<string>();
  return items.filter((it) => (seen.has(it.text) ? false : (seen.add(it.text), true)));
}

/** Titles of documents inside 《…》, without the marks. */
export function findDocuments(a: Analysis): FoundName[] {
  const out: FoundName[] = [];
  for (const m of a.text.matchAll(/《([^《》\n]{1,80})》/g)) {
    out.push({ text: m[1], start: m.index! + 1, end: m.index! + 1 + m[1].length });
  }
  return firstOfEach(out);
}

/** Campaigns and slogans inside “…” or 「…」. */
export function findInitiatives(a: Analysis): FoundName[] {
  const out: FoundName[] = [];
  for (const m of a.text.matchAll(/[“「]([^“”「」\n]{1,40})[”」]/g)) {
    out.push({ text: m[1], start: m.index! + 1, end: m.index! + 1 + m[1].length });
  }
  return firstOfEach(out);
}

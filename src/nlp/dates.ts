import type { Analysis, FoundDate } from './analysis.ts';

/** Calendar expressions normalised against the publication date. */
export function findDates(a: Analysis): FoundDate[] {
  return [];
}

import type { Analysis, FoundByline, FoundOfficial, FoundPerson } from './analysis.ts';

/** Persons in a public role, with every title the article gives them. */
export function findOfficials(a: Analysis, _persons: FoundPerson[], _bylines: FoundByline[]): FoundOfficial[] {
  return [];
}

import type { Analysis, FoundByline, FoundPerson } from './analysis.ts';

/** Every person name mentioned, one item per occurrence. */
export function findPersons(a: Analysis, _bylines: FoundByline[]): FoundPerson[] {
  return [];
}

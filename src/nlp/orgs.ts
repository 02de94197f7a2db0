import type { Analysis, FoundName } from './analysis.ts';

/** Named organisations and places below city level (streets, towns, villages, zones, companies). */
export function findOrgs(a: Analysis): FoundName[] {
  return [];
}

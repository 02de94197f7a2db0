import type { Analysis, FoundFigure } from './analysis.ts';

/** Quantities with a unit or measure word, scaled to plain numbers. */
export function findFigures(a: Analysis): FoundFigure[] {
  return [];
}

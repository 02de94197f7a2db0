import type { Analysis, FoundByline } from './analysis.ts';

/** Credits (记者 某某, 通讯员 某某, 新郑时报 某某) at the start or end of the body. */
export function findBylines(a: Analysis): FoundByline[] {
  return [];
}

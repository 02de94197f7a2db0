import type { FoundName } from './analysis.ts';
import { loadGazetteer } from './gazetteer.ts';
import { pickInScene, type Scene } from './places.ts';

// Township-level names: what the gazetteer lists (镇, 乡, 街道; 办事处 is a 街道's older name).
const TOWNSHIP = /(?:镇|乡|街道|办事处)$/;

/**
 * Gives town and street orgs the gazetteer's full name and nine-digit township code,
 * resolved inside the article's places when several counties have one of that name.
 * Which phrases are towns at all is orgs.ts's to say; a name the gazetteer lacks stays
 * without a code (the list is one year's, and towns merge and rename).
 */
export function placeOrgs<T extends FoundName>(orgs: T[], scene: Scene): T[] {
  const g = loadGazetteer();
  for (const o of orgs) {
    if (!TOWNSHIP.test(o.text)) continue;
    const names = o.text.endsWith('办事处') ? [o.text, o.text.replace(/办事处$/, '街道')] : [o.text];
    const pick = pickInScene(names.flatMap((n) => g.townships.get(n) ?? []), scene);
    if (pick) {
      o.place = pick.name;
      o.placeCode = pick.code; // nine digits: the county's code and the township's
    }
  }
  return orgs;
}

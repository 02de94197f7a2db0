import type { FoundName } from './analysis.ts';
import { loadGazetteer, within } from './gazetteer.ts';
import { COMMON, EVERYDAY, PLACE, wordKind } from './lexicon.ts';
import type { Scene } from './places.ts';

// Township-level names: what the gazetteer lists (镇, 乡, 街道; 办事处 is a 街道's older name).
const TOWNSHIP = /(?:镇|乡|街道|办事处)$/;
// A number before 镇 counts towns (韩寺两镇, 三乡): no town is named so.
const COUNTED = /[两一二三四五六七八九十几各][镇乡]$/;

/**
 * Checks town and street orgs against the gazetteer's township level: a known one gets
 * its full name and GB/T 2260 code (resolved inside the article's places when several
 * counties have one of that name); an unknown one whose name is an everyday word or a count
 * (最后镇, 召集镇, 韩寺两镇) is no town and is dropped. Unknown plausible names stay: the
 * gazetteer is one year's list, and towns merge and rename.
 */
export function placeOrgs<T extends FoundName>(orgs: T[], scene: Scene): T[] {
  const g = loadGazetteer();
  const out: T[] = [];
  for (const o of orgs) {
    if (!TOWNSHIP.test(o.text)) { out.push(o); continue; }
    const names = o.text.endsWith('办事处') ? [o.text, o.text.replace(/办事处$/, '街道')] : [o.text];
    const ps = names.flatMap((n) => g.townships.get(n) ?? []);
    if (ps.length) {
      const inScene = ps.filter((p) => scene.ranked.some((q) => within(p, q)) || (scene.declared && within(p, scene.declared)));
      const pick = inScene.length === 1 ? inScene[0] : ps.length === 1 ? ps[0] : undefined;
      if (pick) { o.place = pick.name; o.placeCode = pick.code; } // nine digits: county code + township
      out.push(o);
      continue;
    }
    if (COUNTED.test(o.text)) continue;
    const stem = o.text.replace(TOWNSHIP, '');
    const kind = wordKind(stem);
    if (kind && !(kind & PLACE) && (kind & (COMMON | EVERYDAY))) continue;
    out.push(o);
  }
  return out;
}

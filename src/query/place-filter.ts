import { UserError } from '../errors.ts';
import { gbCode, loadGazetteer, significantCode } from '../nlp/gazetteer.ts';

/**
 * `--place` as researchers write it: a full name (新郑市), a short form (新郑) or a GB/T 2260
 * code (410184, 410100). It selects the place and everything inside it (郑州市 takes its
 * counties), as a prefix of the stored codes (4101 for 410100 and 410184). A short form several places share is an error naming them.
 */
export function placeCodeFilter(column: string, place: string): { where: string; param: string } {
  const p = place.trim();
  const g = loadGazetteer();
  let code: string | undefined;
  if (/^\d{2}(?:\d{2}){0,2}(?:\d{3})?$/.test(p)) code = g.byCode.has(significantCode(p)) ? significantCode(p) : undefined;
  else {
    const found = g.byName.get(p) ?? g.townships.get(p) ?? [];
    const exact = found.filter((x) => x.name === p);
    const pick = exact.length ? exact : found;
    if (pick.length > 1) throw new UserError(`--place: "${p}" names ${pick.length} places (${pick.map((x) => `${x.name} ${gbCode(x.code)}`).join(', ')}); give the code`, 2);
    code = pick[0]?.code;
  }
  if (!code) throw new UserError(`--place: "${p}" is not a place the gazetteer knows (write 新郑市, 新郑 or the code 410184)`, 2);
  return { where: `${column} LIKE ?`, param: `${code}%` };
}

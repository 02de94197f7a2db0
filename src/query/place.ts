/**
 * Where an official serves, so that two people with one name in two counties stay
 * apart. Local papers write the place into the title (新郑市委书记, 鄢陵县人民政府副县长)
 * or leave it implied by the paper itself (市委常委 in 新郑时报 is 新郑's). Pure functions:
 * titles and the article's section/source in, a place name (or null) out.
 */

/** Characters that end a county-or-higher place name (自治区, 自治县 end in 区 and 县 too). */
const PLACE_END = new Set(['省', '市', '县', '区']);
/** A title opening with one of these names the level of the local place (市委常委, 县农业局局长). */
const LEVEL_START = new Set(['省', '市', '县', '区', '镇', '乡']);
/** Head words naming the level of the office (副市长 serves a 市). */
const LEVEL_HEADS: [string, string][] = [['省长', '省'], ['市长', '市'], ['县长', '县'], ['区长', '区'], ['镇长', '镇'], ['乡长', '乡']];
/**
 * Words ending in a place character that are not places: 社区党委, 园区管委会 anywhere;
 * 城市管理局 only as the whole word, since 永城市 and 成都市 end the same way.
 * 新区 and 开发区 are real units and are not listed.
 */
const NOT_PLACE_ENDINGS = ['社区', '小区', '园区', '景区', '片区', '辖区', '街区', '校区', '厂区', '营区', '库区', '灾区', '山区'];
const NOT_PLACE_WORDS = new Set(['城市', '都市', '超市', '夜市', '集市', '门市', '股市', '城区', '郊区', '市区', '县区', '老区', '矿区', '牧区', '林区']);
/** Words before a place character that make it part of an office, not a name (副市长, 常务副县长). */
const OFFICE_PREFIX = /^(副|常务|代理|第)/;
/** What a newspaper or portal name adds to its place (新郑时报, 某县人民政府网, 示例晚报). */
const MEDIA_SUFFIX = /(人民政府门户网站|人民政府网|人民政府|政府网|门户网站|融媒体中心|新闻网|电视台|广播电视台|时报|时讯|日报|晚报|周报|早报|报社|新闻|发布|网|报)$/;

/** City papers (郑州晚报, 许昌日报): their bare place is a city, so a 县 office printed there is some county's, not theirs. */
const CITY_PAPER = /(晚报|日报)$/;

/** The county-or-higher place a title names at its start (许昌市商务局副局长 -> 许昌市), or undefined. */
export function titlePlace(title: string): string | undefined {
  const cs = [...title];
  for (let i = 1; i < cs.length - 1; i++) {
    if (!PLACE_END.has(cs[i])) continue;
    const place = cs.slice(0, i + 1).join('');
    const next = cs[i + 1];
    if (next === '长') continue; // 副市长, 县长: an office, not a place
    // 禹州|市: the name goes on; but 滑县|县委 repeats the level after a one-character name.
    if (PLACE_END.has(next) && next !== cs[i]) continue;
    if (OFFICE_PREFIX.test(place) || LEVEL_START.has(cs[0])) return undefined;
    if (NOT_PLACE_WORDS.has(place) || NOT_PLACE_ENDINGS.some((w) => place.endsWith(w))) return undefined;
    // A town or village before the county character (南坞镇…区) is below county level.
    if (/[镇乡村]|街道/.test(place.slice(0, -1))) return undefined;
    return place;
  }
  return undefined;
}

/** The level of the office a title names without a place (市委常委 -> 市, 副县长 -> 县). */
export function titleLevel(title: string): string | undefined {
  const first = [...title][0];
  if (first && LEVEL_START.has(first)) return first;
  for (const [head, level] of LEVEL_HEADS) if (title.includes(head)) return level;
  return undefined;
}

/** The place a newspaper or portal is named after (新郑时报 -> 新郑, 某县人民政府 -> 某县), or undefined. */
export function mediaPlace(name: string | null | undefined): string | undefined {
  if (!name || !/^[\u3400-\u9fff]/.test(name)) return undefined;
  let s = name.trim();
  for (let prev = ''; prev !== s;) { prev = s; s = s.replace(MEDIA_SUFFIX, ''); }
  return [...s].length >= 2 ? s : undefined;
}

/** 新郑市 -> 新郑; 滑县 stays 滑县 (a one-character name keeps its level). */
export function placeBase(place: string): string {
  const cs = [...place];
  return cs.length > 2 && PLACE_END.has(cs[cs.length - 1]) ? cs.slice(0, -1).join('') : place;
}

/**
 * Full place names by base, learnt from titles that spell the place out (襄城县委书记
 * teaches that 襄城 is a 县), so 县委副书记 in 襄城时报 resolves to 襄城县, and 市委常委
 * there (the prefecture's) is not taken for a 襄城市. Bases seen with two levels are dropped.
 */
export function learnPlaces(titles: Iterable<string>): Map<string, string> {
  const seen = new Map<string, Set<string>>();
  for (const t of titles) {
    const p = titlePlace(t);
    if (!p) continue;
    const base = placeBase(p);
    if (base === p) continue;
    if (!seen.has(base)) seen.set(base, new Set());
    seen.get(base)!.add(p);
  }
  const out = new Map<string, string>();
  for (const [base, full] of seen) if (full.size === 1) out.set(base, [...full][0]);
  return out;
}

export interface PlaceContext {
  /** E-paper section (新郑时报): the most local name the article has. */
  section?: string | null;
  /** Source display name or key (郑州晚报, 某县人民政府). */
  source?: string | null;
  /** From learnPlaces(): base -> full name. */
  known?: Map<string, string>;
  /** Every title of every official in the same article: the places they spell out set the scene. */
  articleTitles?: string[];
}

/** Places spelt out in an article's titles, most frequent first (ties: first seen). */
function scenePlaces(titles: string[] | undefined): string[] {
  const n = new Map<string, number>();
  for (const t of titles ?? []) {
    const p = titlePlace(t);
    if (p) n.set(p, (n.get(p) ?? 0) + 1);
  }
  return [...n].sort((a, b) => b[1] - a[1]).map(([p]) => p);
}

/**
 * The place of an official holding `titles` in an article: a place written in a title
 * (preferring the one of the paper's own county); else the paper's place at the level the
 * title names, or the place the article's other titles spell out at that level (a city
 * paper reporting on 长葛: its 市委常委 is 长葛's); null when nothing fits (省委常委).
 */
export function officialPlace(titles: string[], ctx: PlaceContext = {}): string | null {
  const local = mediaPlace(ctx.section) ?? mediaPlace(ctx.source);
  const explicit = titles.map(titlePlace).filter((p): p is string => !!p);
  if (explicit.length) {
    const localBase = local && placeBase(local);
    return explicit.find((p) => placeBase(p) === localBase) ?? explicit[0];
  }
  const level = titles.map(titleLevel).find((l) => !!l);
  if (level === '省') return null;
  const county = !level || level === '镇' || level === '乡'; // no level, or a town office inside the county
  const scene = scenePlaces(ctx.articleTitles).find((p) => (county ? p.endsWith('市') || p.endsWith('县') || p.endsWith('区') : p.endsWith(level!))) ?? null;
  if (!local) return scene;
  const cityPaper = !mediaPlace(ctx.section) && !!ctx.source && CITY_PAPER.test(ctx.source);
  const full = PLACE_END.has([...local].at(-1)!) && [...local].length >= 2 ? local : ctx.known?.get(local) ?? (cityPaper ? `${local}市` : undefined);
  const paper = county ? full ?? local : full ? (full.endsWith(level!) ? full : null) : local + level;
  // A county paper speaks of its own county; a city paper of whichever county the article is about.
  return cityPaper ? scene ?? paper : paper ?? scene;
}

/**
 * A title with its place spelt out, so 县委书记 in 襄城时报 and 襄城县委书记 count as one
 * post: a title opening with the bare level of the official's place gets the place's name.
 */
export function canonicalTitle(title: string, place: string | null): string {
  if (!place || titlePlace(title)) return title;
  const level = [...place].at(-1)!;
  return PLACE_END.has(level) && title.startsWith(level) && title.length > 1 ? place + title.slice(1) : title;
}

/** Grouping key: 新郑市 and 新郑 (the paper's bare name) are one place. */
export function placeKey(place: string | null): string {
  return place ? placeBase(place) : '';
}

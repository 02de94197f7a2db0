import type { Token } from './segment.ts';
import { wordKind, COMMON, EVERYDAY, PLACE } from './lexicon.ts';
import type { PlaceLevel, PlaceRef, Post } from '../types.ts';
import { LEVEL_RANK, gbCode, openingAt, significantCode, lineage, loadGazetteer, parentOf, within, type Gazetteer, type Place } from './gazetteer.ts';

/**
 * Where things happen: the places an article names, found with the gazetteer, and the
 * place of each official's post. Pure functions of the text (and of a place the caller
 * declares for the source); a place is never made from a newspaper's or website's name.
 */

export const placeRef = (p: Place): PlaceRef => ({ place: p.name, placeCode: gbCode(p.code), placeLevel: p.level });

export interface PlaceMention {
  place: Place;
  start: number;
  end: number;
}

// A place's name opening a newspaper's or station's (郑州晚报, 新郑电视台) names no scene.
const MEDIA_AFTER = /^(?:晚报|日报|时报|早报|商报|都市报|周报|电视台|广播|融媒|新闻|发布|网)/;
// After a short form, these characters mean it names something smaller (新华路, 金水河, 城关镇).
const SMALLER_AFTER = /^[路街道村镇乡河湖山桥庄寨屯社组]/;
// The characters a full county-or-higher name ends with: such a name may run into the next
// word (新郑市委, 中牟县政府), while a short form must stand as whole words.
const FULL_END = /[省市县区州旗盟]$/;
/** How many tokens one place name may span (新郑|市, 西双版纳|傣族|自治州). */
const MAX_TOKENS = 4;

/**
 * Every county-or-higher place the text names, left to right: full names (新郑市) at a
 * word's start, and short forms (新郑) standing as whole words that jieba knows as places
 * or does not know at all (a rare county). Names several units share (朝阳区) keep all
 * their readings here; resolveAmbiguous() picks among them.
 */
export function findPlaceMentions(text: string, tokens: Token[]): RawMention[] {
  const g = loadGazetteer();
  const out: RawMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    // Most words open no place name: two characters and one set lookup rule them out.
    if (!g.openings.has(openingAt(text, t.start))) continue;
    let found: { places: Place[]; end: number } | undefined;
    // Grow the candidate a character at a time while some name goes on so; of the names met,
    // the longest that ends where the rules allow wins.
    let k = i; // the token holding the candidate's last character
    for (let e = t.start + 2; e <= Math.min(text.length, t.start + g.longest); e++) {
      while (tokens[k].end < e) k++;
      const s = text.slice(t.start, e);
      if (!g.prefixes.has(s)) break;
      const ps = g.byName.get(s);
      if (!ps) continue;
      const current = ps.filter((p) => p.name === s);
      if (tokens[k].end === e) {
        // Whole tokens (新郑|市, 西双版纳|傣族|自治州), full or short.
        if (k - i < MAX_TOKENS && acceptable(s, ps, text, e)) found = { places: ps, end: e };
      } else if (current.length && FULL_END.test(s)) {
        // A current full name running into the next word: opening a longer token (新郑市委), or
        // a short form cut off its level character (襄城|县委书记) — never after one character (和|县).
        if (k === i || (k === i + 1 && e === t.end + 1 && t.word.length >= 2)) found = { places: current, end: e };
      }
    }
    if (!found) continue;
    const f: { places: Place[]; end: number } = found;
    if (MEDIA_AFTER.test(text.slice(f.end, f.end + 3))) continue;
    const s = text.slice(t.start, f.end);
    out.push({ places: f.places, start: t.start, end: f.end, short: !fullNamed(g, s)?.length });
    while (i + 1 < tokens.length && tokens[i + 1].start < f.end) i++;
  }
  return out;
}

/** The places `s` is the full name of, now or before a renaming (偃师市 is 偃师区). */
function fullNamed(g: Gazetteer, s: string): Place[] | undefined {
  const ps = g.byName.get(s);
  return g.former.has(s) ? ps : ps?.filter((p) => p.name === s);
}

/** A full name stands anywhere; a short form only as a place word, not opening a smaller name. */
function acceptable(s: string, ps: Place[], text: string, end: number): boolean {
  const full = !!fullNamed(loadGazetteer(), s)?.length;
  if (SMALLER_AFTER.test(text.slice(end, end + 1)) && !(full && FULL_END.test(s))) return false;
  return full || shortIsPlace(s);
}

/**
 * A short form counts unless jieba knows it as an everyday word and not as a place
 * (新华, 和平, 东方 are words first; 巩义, 金水, 勐海 are rare or tagged as names, places all the same).
 */
function shortIsPlace(s: string): boolean {
  const kind = wordKind(s);
  return (kind & PLACE) !== 0 || (kind & (COMMON | EVERYDAY)) === 0;
}

/** A place name found in the text, with every unit it may name. */
export interface RawMention {
  places: Place[];
  start: number;
  end: number;
  /** Written as a short form (新郑), not the full name (新郑市). */
  short: boolean;
}

/**
 * A short form is a word as often as a name (清|三河, 惠民, 新建, 中原): it counts only beside
 * a place that vouches for it (itself named in full, a place above or below it, one in the same
 * province, or the declared place), as a shared name does. A district's needs its own city.
 */
const needsHint = (m: RawMention) => m.places.length > 1 || m.short;

/**
 * One reading per mention: a name several units share takes the one inside (or above) a
 * place named without doubt, or inside the declared place; with no such hint it is dropped.
 */
export function resolveAmbiguous(mentions: RawMention[], declared?: Place): PlaceMention[] {
  const sure = mentions.filter((m) => !needsHint(m)).map((m) => m.places[0]);
  if (declared) sure.push(declared);
  // A shared name may take the reading in the province of a sure place; a district's short
  // form needs its own city (or the place declared inside it) named.
  const related = (p: Place, strict: boolean) => sure.some((q) => within(p, q) || within(q, p) || (!strict && p.code.slice(0, 2) === q.code.slice(0, 2) && p.level !== 'province'));
  const out: PlaceMention[] = [];
  for (const m of mentions) {
    const ps = needsHint(m) ? m.places.filter((p) => related(p, m.short && p.name.endsWith('区'))) : m.places;
    if (ps.length === 1) out.push({ place: ps[0], start: m.start, end: m.end });
  }
  return out;
}

/** The places an article names, with how often and where first: what "the article says". */
export interface Scene {
  mentions: PlaceMention[];
  /** Places by code, most named first (ties: first named). */
  ranked: Place[];
  count: Map<string, number>;
  declared?: Place;
  /** Codes of counties the article names by a former full name ending in 市 or 县 (偃师市, now 偃师区). */
  formerly: Map<string, string>;
}

export function sceneOf(text: string, tokens: Token[], declared?: Place): Scene {
  const mentions = resolveAmbiguous(findPlaceMentions(text, tokens), declared);
  const count = new Map<string, number>();
  const first = new Map<string, number>();
  const byCode = new Map<string, Place>();
  const formerly = new Map<string, string>();
  const g = loadGazetteer();
  for (const m of mentions) {
    const written = text.slice(m.start, m.end);
    if (g.former.has(written)) formerly.set(m.place.code, written.at(-1)!);
    count.set(m.place.code, (count.get(m.place.code) ?? 0) + 1);
    if (!first.has(m.place.code)) first.set(m.place.code, m.start);
    byCode.set(m.place.code, m.place);
  }
  const ranked = [...byCode.values()].sort((a, b) => count.get(b.code)! - count.get(a.code)! || first.get(a.code)! - first.get(b.code)!);
  return { mentions, ranked, count, declared, formerly };
}

/** The level a title's office names without a place: 市委常委 -> 市, 副县长 -> 县, 镇党委书记 -> local. */
export type OfficeLevel = '省' | '市' | '县' | '区' | '州' | 'local' | 'none' | 'national';

const LEVEL_HEADS: [RegExp, OfficeLevel][] = [[/省长|省委|省政府|省人大|省政协/, '省'], [/市长|市委|市政府|市人大|市政协/, '市'], [/县长|县委|县政府|县人大|县政协/, '县'], [/区长|区委|区政府|区人大|区政协/, '区'], [/州长|州委|州政府|州人大|州政协/, '州']];

// National offices (国家主席, 国务院副总理, 中央政治局常委, 全国人大代表) are no county's or city's.
const NATIONAL = /^(?:原|前|时任)?(?:中央|中共中央|国务院|全国|国家|中国)|^(?:副)?(?:主席|总理|总书记|委员长)$/;

export function officeLevel(title: string): OfficeLevel {
  if (NATIONAL.test(title)) return 'national';
  const t = title.replace(/^(?:原|前|时任|副|常务副)/, '');
  const first = t[0];
  if (first === '省' || first === '市' || first === '县' || first === '区' || first === '州') return first;
  if (/^(?:镇|乡|村|街道|社区|办事处)/.test(t)) return 'local';
  for (const [re, level] of LEVEL_HEADS) if (re.test(t)) return level;
  return 'none';
}

/** Whether place `p` can hold an office of `level` (市委书记 of 新郑市 or of 郑州市, 县委书记 of 中牟县). */
function fits(p: Place, level: OfficeLevel): boolean {
  switch (level) {
    case '省': return p.level === 'province';
    case '市': return p.name.endsWith('市');
    case '县': return p.level === 'county' && /[县旗]$/.test(p.name);
    case '区': return p.level === 'county' && p.name.endsWith('区');
    case '州': return p.level === 'prefecture' && p.name.endsWith('州');
    case 'local': case 'none': return p.level === 'county' || p.level === 'prefecture';
    case 'national': return false;
  }
}

/** A township post takes its county (GUIDE: 城头山镇党委书记 -> 澧县). */
function countyOf(g: Gazetteer, p: Place): Place {
  return p.level === 'township' ? parentOf(g, p) ?? p : p;
}

/**
 * The one township of several with a name (孟庄镇 is in three counties) that lies inside a
 * place the article names or the declared place; else the only one there is; else none.
 */
export function pickInScene(ps: Place[], scene: Scene): Place | undefined {
  const inScene = ps.filter((p) => scene.ranked.some((q) => within(p, q)) || (scene.declared && within(p, scene.declared)));
  return inScene.length === 1 ? inScene[0] : ps.length === 1 ? ps[0] : undefined;
}

/** Townships a title names (城头山镇党委书记), resolved against the scene when several share the name. */
function titleTownships(g: Gazetteer, title: string, scene: Scene): Place[] {
  const out: Place[] = [];
  for (const m of title.matchAll(/[\u4e00-\u9fff]{2,8}?(?:镇|乡|街道)/g)) {
    for (let s = 0; s < m[0].length - 1; s++) {
      const ps = g.townships.get(m[0].slice(s));
      if (!ps) continue;
      const pick = pickInScene(ps, scene);
      if (pick) out.push(pick);
      break;
    }
  }
  return out;
}

/** Places a title spells out (新郑市委书记, 郑州高新区…, 人民日报社河南分社社长), with where each ends in the title. */
type TitlePlace = { place: Place; start: number; end: number };
// One article's answers, per scene: stacked titles and the 我市 check ask about one title several times.
const titlePlaceCache = new WeakMap<Scene, Map<string, TitlePlace[]>>();

function titlePlaces(g: Gazetteer, title: string, scene: Scene): TitlePlace[] {
  let cache = titlePlaceCache.get(scene);
  if (!cache) titlePlaceCache.set(scene, (cache = new Map()));
  let found = cache.get(title);
  if (!found) cache.set(title, (found = findTitlePlaces(g, title, scene)));
  return found;
}

function findTitlePlaces(g: Gazetteer, title: string, scene: Scene): TitlePlace[] {
  const out: TitlePlace[] = [];
  for (let i = 0; i < title.length - 1; i++) {
    if (!g.openings.has(openingAt(title, i))) continue;
    for (let len = Math.min(g.longest, title.length - i); len >= 2; len--) {
      const s = title.slice(i, i + len);
      const ps = g.byName.get(s);
      if (!ps) continue;
      const full = !!fullNamed(g, s)?.length;
      if (!full && (SMALLER_AFTER.test(title.slice(i + len, i + len + 1)) || !shortIsPlace(s))) continue;
      const readings = ps.length === 1 ? ps : ps.filter((p) => scene.ranked.some((q) => within(p, q) || within(q, p)) || (scene.declared && (within(p, scene.declared) || within(scene.declared, p))));
      if (readings.length === 1) out.push({ place: readings[0], start: i, end: i + len });
      i += len - 1;
      break;
    }
  }
  for (const t of titleTownships(g, title, scene)) {
    const at = title.indexOf(t.name);
    out.push({ place: t, start: at, end: at + t.name.length });
  }
  return out;
}

/** The scene's place for an office of `level`: the most named that can hold it (the declared place when named as often). */
function scenePlace(g: Gazetteer, scene: Scene, level: OfficeLevel): Place | undefined {
  const d = scene.declared;
  // A county the article calls by its former name holds that level's offices (偃师市's 市委书记).
  const named = scene.ranked.find((p) => fits(p, level) || scene.formerly.get(p.code) === level);
  if (d && named && fits(d, level) && scene.count.get(d.code) === scene.count.get(named.code)) return d;
  if (named) return named;
  // A town, village or zone post takes a county or city the article names (fits() above), never one further up.
  if (level === 'local' || level === 'none') return undefined;
  // An office above every place named (市委书记 in a report on 中牟县 is 郑州市's).
  for (const p of scene.ranked) {
    const up = lineage(g, p).find((q) => fits(q, level));
    if (up) return up;
  }
  return undefined;
}

/** The declared place, or the unit above it, that can hold an office of `level`. */
function declaredAt(g: Gazetteer, scene: Scene, level: OfficeLevel): Place | undefined {
  return scene.declared ? lineage(g, scene.declared).find((p) => fits(p, level)) : undefined;
}

// After a place's name, an office that names its own level (副市长, 县委书记 after 滑县), or a
// smaller unit (站街镇…, 王洼村…): the office is the rest as printed. Otherwise the level
// character belongs to the office (郑州市|委书记 -> 市委书记, 许昌市|商务局 -> 市商务局).
const OWN_LEVEL = /^(?:常务)?副?[省市县区州]长|^[省市县区州]|^[\u4e00-\u9fff]{1,4}?(?:镇|乡|街道|社区)|^[\u4e00-\u9fff]{1,3}(?<!农)村/;

/**
 * The posts of an official's titles, in order. A title that names no level in a stack
 * (省委常委、组织部长) holds the post at the level of the title before it. A bare 书记
 * after a name (赵革书记) is the secretary of the party committee the paragraph last named
 * before the name (市委四届八次全会…赵革书记的讲话: the city's): `context` is that text.
 */
export function postsOf(titles: string[], scene: Scene, context = ''): Post[] {
  const out: Post[] = [];
  for (const t of titles) {
    const prev = out.at(-1);
    const implied = BARE_SECRETARY.test(t) ? committeeBefore(context) : undefined;
    const post = postOf(t, scene, implied);
    if (prev?.place && !titlePlaces(loadGazetteer(), t, scene).length && officeLevel(t) === 'none') {
      out.push({ title: t, office: post.office, place: prev.place, placeCode: prev.placeCode, placeLevel: prev.placeLevel });
    } else out.push(post);
  }
  return out;
}

/**
 * The posts of every official of an article. An article that speaks of 我市 (我县, 我区)
 * writes its own city's officials with bare titles (市委副书记) and visitors' with their
 * place (郑州市人大常委会副主任): a bare title at that level is then not the visitors' place,
 * only the declared one (or none).
 */
export function resolvePosts(items: { titles: string[]; context: string }[], scene: Scene, text: string): Post[][] {
  const g = loadGazetteer();
  const out = items.map((it) => postsOf(it.titles, scene, it.context));
  const home = new Set([...text.matchAll(/[我本]([市县区])(?![长委])/g)].map((m) => m[1]));
  if (!home.size) return out;
  const visitors = new Set<string>();
  for (const posts of out) for (const p of posts) if (p.placeCode && titlePlaces(g, p.title, scene).length) visitors.add(p.placeCode);
  return out.map((posts) => posts.map((p) => {
    const level = officeLevel(p.title);
    if (!p.placeCode || !visitors.has(p.placeCode) || !home.has(level) || titlePlaces(g, p.title, scene).length) return p;
    const d = declaredAt(g, scene, level);
    return d && !visitors.has(d.code) ? { title: p.title, office: p.office, ...placeRef(d) } : { title: p.title, office: p.office };
  }));
}

const BARE_SECRETARY = /^副?书记$/;

/** The level of the party committee (省委, 市委, 县委, 区委, 州委) named last in `text`. */
function committeeBefore(text: string): OfficeLevel | undefined {
  const m = /([省市县区州])委(?!员)(?!.*[省市县区州]委(?!员))/s.exec(text);
  return m ? (m[1] as OfficeLevel) : undefined;
}

/** The post of one title, given the article's scene (and the level the context implies for a bare title). */
export function postOf(title: string, scene: Scene, impliedLevel?: OfficeLevel): Post {
  const g = loadGazetteer();
  const named = titlePlaces(g, title, scene);
  let place: Place | undefined;
  let office = title;
  if (named.length) {
    // The most local unit the title names; a township's post is its county's.
    const best = named.reduce((a, b) => (LEVEL_RANK[b.place.level] < LEVEL_RANK[a.place.level] ? b : a));
    place = countyOf(g, best.place);
    const lead = named.find((n) => n.start === 0 && n.place.level !== 'township');
    if (lead) {
      const rest = title.slice(lead.end);
      const spelt = lead.place.name === title.slice(0, lead.end);
      office = !rest ? title : spelt && /[省市县区州]$/.test(lead.place.name) && !OWN_LEVEL.test(rest) ? lead.place.name.at(-1)! + rest : rest;
    }
  } else {
    const own = officeLevel(title);
    const level = own === 'none' && impliedLevel ? impliedLevel : own;
    place = scenePlace(g, scene, level) ?? declaredAt(g, scene, level);
  }
  return place ? { title, office, ...placeRef(place) } : { title, office };
}

/** The place of an official: the most local place among the posts (GUIDE: 省委常委、市委书记 -> the city). */
export function officialPlaceOf(posts: Post[]): PlaceRef | undefined {
  let best: Post | undefined;
  for (const p of posts) if (p.placeLevel && (!best || LEVEL_RANK[p.placeLevel] < LEVEL_RANK[best.placeLevel!])) best = p;
  return best?.place ? { place: best.place, placeCode: best.placeCode!, placeLevel: best.placeLevel! } : undefined;
}

/**
 * Where an article is about, for its figures and initiatives: the declared place when
 * the article names it or names none; else the most named county, then city, then province.
 */
export function articlePlace(scene: Scene): Place | undefined {
  const d = scene.declared;
  if (d && (scene.count.has(d.code) || !scene.ranked.length)) return d;
  for (const level of ['county', 'prefecture', 'province'] as PlaceLevel[]) {
    const p = scene.ranked.find((x) => x.level === level);
    if (p) return p;
  }
  return d;
}

/** The most local place named between `start` and `end` (a figure's sentence), else undefined. */
export function placeWithin(scene: Scene, start: number, end: number): Place | undefined {
  let best: Place | undefined;
  for (const m of scene.mentions) {
    if (m.start < start || m.end > end) continue;
    if (!best || LEVEL_RANK[m.place.level] < LEVEL_RANK[best.level]) best = m.place;
  }
  return best;
}

/** A declared place, by full name or code; undefined when the gazetteer does not know it. */
export function gazetteerPlace(nameOrCode: string): Place | undefined {
  const g = loadGazetteer();
  if (/^\d+$/.test(nameOrCode)) return g.byCode.get(significantCode(nameOrCode));
  const ps = fullNamed(g, nameOrCode) ?? [];
  return ps.length === 1 ? ps[0] : undefined;
}

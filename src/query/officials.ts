import type { Store } from '../store/db.ts';
import { canonicalTitle, learnPlaces, mediaPlace, officialPlace, placeKey, type PlaceContext } from './place.ts';
import { withScope, type ScopeFilters } from './scope.ts';

/** One official named in one article, with the place worked out for that article. */
export interface OfficialMention {
  id: number;
  articleId: number;
  name: string;
  titles: string[];
  place: string | null;
  /** name@place key: the same person across articles (name alone when no place is known). */
  key: string;
  published: string | null;
  section: string | null;
  source: string | null;
}

export const officialKey = (name: string, place: string | null): string => (place ? `${name}@${placeKey(place)}` : name);

/** learnPlaces() over every title in the database: what it teaches holds whatever the filters. */
export function knownPlaces(store: Store): Map<string, string> {
  const titles = store.db.prepare('SELECT DISTINCT title FROM official_titles').pluck().all() as string[];
  return learnPlaces(titles);
}

/** Adds place and key to raw rows (`titles` as stored JSON); `known` from knownPlaces(). */
export function placeMention(
  r: { id: number; article_id: number; name: string; titles: string; published: string | null; section: string | null; source: string | null; article_titles: string | null },
  known: Map<string, string>,
): OfficialMention {
  const titles = JSON.parse(r.titles) as string[];
  const place = officialPlace(titles, { section: r.section, source: r.source, known, articleTitles: splitArticleTitles(r.article_titles) });
  return { id: r.id, articleId: r.article_id, name: r.name, titles, place, key: officialKey(r.name, place), published: r.published, section: r.section, source: r.source };
}

export interface MentionFilters extends ScopeFilters {
  /** Exact name. */
  name?: string;
  /** Part of a title (书记, 副县长, 新郑市委). */
  title?: string;
  /** Only these articles. */
  articleIds?: number[];
}

/** Every title of every official in the article of `o`, as JSON arrays joined by U+0001: the scene for officialPlace(). */
export const ARTICLE_TITLES_SQL = (o: string) => `(SELECT group_concat(o2.titles, char(1)) FROM officials o2 WHERE o2.article_id = ${o}.article_id)`;

export const splitArticleTitles = (s: string | null | undefined): string[] =>
  s ? s.split('\u0001').flatMap((j) => JSON.parse(j) as string[]) : [];

const MENTION_SQL = `SELECT o.id, o.article_id, o.name, o.titles, a.published, a.section, coalesce(s.name, s.key) AS source,
    ${ARTICLE_TITLES_SQL('o')} AS article_titles
  FROM officials o JOIN articles a ON a.id = o.article_id LEFT JOIN sources s ON s.id = a.source_id`;

export function officialMentions(store: Store, f: MentionFilters = {}): OfficialMention[] {
  const known = knownPlaces(store);
  return withScope(store, f, (scope) => {
    const where = [scope.where], params = [...scope.params];
    if (f.name) { where.push('o.name = ?'); params.push(f.name); }
    if (f.title) { where.push('EXISTS (SELECT 1 FROM official_titles t WHERE t.official_id = o.id AND instr(t.title, ?) > 0)'); params.push(f.title); }
    if (f.articleIds) { where.push('o.article_id IN (SELECT value FROM json_each(?))'); params.push(JSON.stringify(f.articleIds)); }
    const rows = store.db.prepare(`${MENTION_SQL} WHERE ${where.join(' AND ')} ORDER BY a.published, o.article_id, o.id`).all(...params) as Parameters<typeof placeMention>[0][];
    return attachUnplaced(rows.map((r) => placeMention(r, known)));
  });
}

/**
 * A mention whose place could not be worked out joins the one official of that name
 * whose place is known, when there is exactly one; with two or more (two counties'
 * 王明s) it stays apart rather than be guessed into either.
 */
export function attachUnplaced(mentions: OfficialMention[]): OfficialMention[] {
  const keys = new Map<string, Set<string>>();
  for (const m of mentions) {
    if (!m.place) continue;
    if (!keys.has(m.name)) keys.set(m.name, new Set());
    keys.get(m.name)!.add(m.key);
  }
  return mentions.map((m) => {
    const ks = m.place ? undefined : keys.get(m.name);
    return ks?.size === 1 ? { ...m, key: [...ks][0] } : m;
  });
}

/** One post as official-biography datasets record it: a title with the dates it was seen. */
export interface Post {
  title: string;
  first: string | null;
  last: string | null;
  articles: number;
}

export interface OfficialSummary {
  key: string;
  name: string;
  place: string | null;
  first: string | null;
  last: string | null;
  articles: number;
  titles: Post[];
  articleIds: number[];
}

const earlier = (a: string | null, b: string | null) => (a == null ? b : b == null ? a : a < b ? a : b);
const later = (a: string | null, b: string | null) => (a == null ? b : b == null ? a : a > b ? a : b);

/** Groups mentions by post (canonicalTitle: 县委书记 in 襄城 = 襄城县委书记), in order of first appearance. */
export function postsOf(mentions: OfficialMention[]): Post[] {
  const posts = new Map<string, Post & { ids: Set<number> }>();
  for (const m of mentions) {
    for (const t of new Set(m.titles.map((x) => canonicalTitle(x, m.place)))) {
      const p = posts.get(t) ?? { title: t, first: m.published, last: m.published, articles: 0, ids: new Set<number>() };
      p.first = earlier(p.first, m.published);
      p.last = later(p.last, m.published);
      p.ids.add(m.articleId);
      p.articles = p.ids.size;
      posts.set(t, p);
    }
  }
  return [...posts.values()].map(({ ids: _ids, ...p }) => p).sort((a, b) => (a.first ?? '').localeCompare(b.first ?? '') || b.articles - a.articles);
}

/**
 * One row per distinct official (name + place), most-mentioned first. The bare place
 * of a paper (新郑) and the spelt-out one (新郑市) share a key; the fuller name is shown.
 */
export function summariseOfficials(mentions: OfficialMention[]): OfficialSummary[] {
  const groups = new Map<string, OfficialMention[]>();
  for (const m of mentions) {
    if (!groups.has(m.key)) groups.set(m.key, []);
    groups.get(m.key)!.push(m);
  }
  const out: OfficialSummary[] = [];
  for (const [key, ms] of groups) {
    const ids = [...new Set(ms.map((m) => m.articleId))];
    const place = ms.map((m) => m.place).filter((p): p is string => !!p).sort((a, b) => [...b].length - [...a].length)[0] ?? null;
    out.push({
      key, name: ms[0].name, place,
      first: ms.reduce<string | null>((x, m) => earlier(x, m.published), null),
      last: ms.reduce<string | null>((x, m) => later(x, m.published), null),
      articles: ids.length, titles: postsOf(ms), articleIds: ids,
    });
  }
  return out.sort((a, b) => b.articles - a.articles || a.name.localeCompare(b.name, 'zh') || (a.place ?? '').localeCompare(b.place ?? ''));
}

export function listOfficials(store: Store, f: MentionFilters = {}): OfficialSummary[] {
  return summariseOfficials(officialMentions(store, f));
}

/**
 * Where each article is about: the place its officials serve most often, else the
 * paper's own place (for tables of initiatives and figures by county).
 */
export function articlePlaces(store: Store, articleIds: number[]): Map<number, string | null> {
  const known = knownPlaces(store);
  const out = new Map<number, string | null>();
  const counts = new Map<number, Map<string, number>>();
  for (const m of officialMentions(store, { articleIds })) {
    if (!m.place) continue;
    const c = counts.get(m.articleId) ?? new Map<string, number>();
    c.set(m.place, (c.get(m.place) ?? 0) + 1);
    counts.set(m.articleId, c);
  }
  const rows = store.db.prepare(`SELECT a.id, a.section, coalesce(s.name, s.key) AS source FROM articles a LEFT JOIN sources s ON s.id = a.source_id
    WHERE a.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(articleIds)) as { id: number; section: string | null; source: string | null }[];
  for (const r of rows) {
    const c = counts.get(r.id);
    if (c) out.set(r.id, [...c].sort((x, y) => y[1] - x[1])[0][0]);
    else out.set(r.id, paperPlace({ section: r.section, source: r.source, known }));
  }
  return out;
}

/** The paper's own place, spelt out when the database has taught its level. */
export function paperPlace(ctx: PlaceContext): string | null {
  const local = mediaPlace(ctx.section) ?? mediaPlace(ctx.source);
  return local ? ctx.known?.get(local) ?? local : null;
}

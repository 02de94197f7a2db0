import type { Store } from '../store/db.ts';
import { withScope, type ScopeFilters } from './scope.ts';
import { placeCodeFilter } from './place-filter.ts';

/** One title of an official in one article, as the store keeps it: printed title, office, place. */
export interface PostMention {
  title: string;
  office: string;
  place: string | null;
  placeCode: string | null;
}

/** One official named in one article, with the place extraction gave the post. */
export interface OfficialMention {
  id: number;
  articleId: number;
  name: string;
  titles: string[];
  posts: PostMention[];
  place: string | null;
  placeCode: string | null;
  /** name@code key: the same person across articles (name alone when no place is known). */
  key: string;
  published: string | null;
  section: string | null;
  source: string | null;
}

export const officialKey = (name: string, placeCode: string | null): string => (placeCode ? `${name}@${placeCode}` : name);

interface MentionRow {
  id: number; article_id: number; name: string; titles: string; place: string | null; place_code: string | null;
  posts: string; published: string | null; section: string | null; source: string | null;
}

function toMention(r: MentionRow): OfficialMention {
  const posts = (JSON.parse(r.posts) as PostMention[]).map((p) => ({ ...p, office: p.office ?? p.title }));
  return {
    id: r.id, articleId: r.article_id, name: r.name, titles: JSON.parse(r.titles) as string[], posts,
    place: r.place, placeCode: r.place_code, key: officialKey(r.name, r.place_code),
    published: r.published, section: r.section, source: r.source,
  };
}

export interface MentionFilters extends ScopeFilters {
  /** Exact name. */
  name?: string;
  /** Part of a title (书记, 副县长, 新郑市委). */
  title?: string;
  /** Only these articles. */
  articleIds?: number[];
  /** Officials whose place is this place or inside it (新郑市, 新郑, 410184; 郑州市 takes its counties). */
  place?: string;
}

/** An official's posts, in order, as a JSON array (see PostMention). */
export const POSTS_SQL = (o: string) => `(SELECT json_group_array(json_object('title', t.title, 'office', t.office, 'place', t.place, 'placeCode', t.place_code))
  FROM (SELECT * FROM official_titles t0 WHERE t0.official_id = ${o}.id ORDER BY t0.ord) t)`;

const MENTION_SQL = `SELECT o.id, o.article_id, o.name, o.titles, o.place, o.place_code, ${POSTS_SQL('o')} AS posts,
    a.published, a.section, coalesce(s.name, s.key) AS source
  FROM officials o JOIN articles a ON a.id = o.article_id LEFT JOIN sources s ON s.id = a.source_id`;

export function officialMentions(store: Store, f: MentionFilters = {}): OfficialMention[] {
  return withScope(store, f, (scope) => {
    const where = [scope.where], params = [...scope.params];
    if (f.name) { where.push('o.name = ?'); params.push(f.name); }
    if (f.title) { where.push('EXISTS (SELECT 1 FROM official_titles t WHERE t.official_id = o.id AND instr(t.title, ?) > 0)'); params.push(f.title); }
    if (f.place) { const p = placeCodeFilter('o.place_code', f.place); where.push(p.where); params.push(p.param); }
    if (f.articleIds) { where.push('o.article_id IN (SELECT value FROM json_each(?))'); params.push(JSON.stringify(f.articleIds)); }
    const rows = store.db.prepare(`${MENTION_SQL} WHERE ${where.join(' AND ')} ORDER BY a.published, o.article_id, o.id`).all(...params) as MentionRow[];
    return attachUnplaced(rows.map(toMention));
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

/**
 * One post as official-biography datasets record it: an office at a place, with the dates
 * it was seen. 襄城县委书记 and, in a 襄城县 article, 县委书记 are one post.
 */
export interface Post {
  /** The post as one string: the place, then the office (襄城县 县委书记); the office alone when no place is known. */
  post: string;
  office: string;
  place: string | null;
  placeCode: string | null;
  /** The titles as printed that make up the post. */
  printed: string[];
  first: string | null;
  last: string | null;
  articles: number;
}

export interface OfficialSummary {
  key: string;
  name: string;
  place: string | null;
  placeCode: string | null;
  first: string | null;
  last: string | null;
  articles: number;
  titles: Post[];
  articleIds: number[];
}

const earlier = (a: string | null, b: string | null) => (a == null ? b : b == null ? a : a < b ? a : b);
const later = (a: string | null, b: string | null) => (a == null ? b : b == null ? a : a > b ? a : b);

/** Groups mentions by post (place code + office), in order of first appearance. */
export function postsOf(mentions: OfficialMention[]): Post[] {
  const posts = new Map<string, Post & { ids: Set<number> }>();
  for (const m of mentions) {
    for (const t of m.posts) {
      const k = `${t.placeCode ?? ''}|${t.office}`;
      const p = posts.get(k) ?? { post: t.place ? `${t.place} ${t.office}` : t.office, office: t.office, place: t.place, placeCode: t.placeCode, printed: [], first: m.published, last: m.published, articles: 0, ids: new Set<number>() };
      if (!p.printed.includes(t.title)) p.printed.push(t.title);
      p.first = earlier(p.first, m.published);
      p.last = later(p.last, m.published);
      p.ids.add(m.articleId);
      p.articles = p.ids.size;
      posts.set(k, p);
    }
  }
  return [...posts.values()].map(({ ids: _ids, ...p }) => p).sort((a, b) => (a.first ?? '').localeCompare(b.first ?? '') || b.articles - a.articles);
}

/** One row per distinct official (name + place code), most-mentioned first. */
export function summariseOfficials(mentions: OfficialMention[]): OfficialSummary[] {
  const groups = new Map<string, OfficialMention[]>();
  for (const m of mentions) {
    if (!groups.has(m.key)) groups.set(m.key, []);
    groups.get(m.key)!.push(m);
  }
  const out: OfficialSummary[] = [];
  for (const [key, ms] of groups) {
    const ids = [...new Set(ms.map((m) => m.articleId))];
    const placed = ms.find((m) => m.place);
    out.push({
      key, name: ms[0].name, place: placed?.place ?? null, placeCode: placed?.placeCode ?? null,
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

import type { Store } from '../store/db.ts';
import { shortForm } from '../nlp/gazetteer.ts';
import { officialMentions, postsOf, summariseOfficials, type OfficialMention, type Post } from './officials.ts';
import { periodOf, type Period } from './periods.ts';
import type { ScopeFilters } from './scope.ts';

export interface Appearance {
  articleId: number;
  published: string | null;
  title: string;
  source: string | null;
  url: string | null;
  /** The titles this article gives the official. */
  titles: string[];
}

export interface CoOfficial {
  key: string;
  name: string;
  place: string | null;
  /** Articles naming both. */
  articles: number;
}

export interface ProfileFigure {
  id: number;
  articleId: number;
  published: string | null;
  metric: string | null;
  value: number;
  unit: string;
  text: string;
  sentence: string;
}

export interface OfficialProfile {
  key: string;
  name: string;
  place: string | null;
  first: string | null;
  last: string | null;
  /** One row per post (title) with the dates it was seen. */
  posts: Post[];
  /** Articles per period. */
  timeline: { period: string; articles: number }[];
  appearances: Appearance[];
  coOfficials: CoOfficial[];
  initiatives: { text: string; articles: number }[];
  figures: ProfileFigure[];
}

export interface ProfileOptions extends ScopeFilters {
  /** Only the official of this place (新郑市, 新郑 or the code 410184), when the name is shared. */
  place?: string;
  by?: Period;
}

/** A profile of every official called `name` (one per place), most-mentioned first. */
export function officialProfiles(store: Store, name: string, opts: ProfileOptions = {}): OfficialProfile[] {
  const { place, by = 'month', ...scope } = opts;
  let mentions = officialMentions(store, { ...scope, name });
  if (place) mentions = mentions.filter((m) => m.place && (m.place === place || m.placeCode === place || shortForm(m.place) === place));
  return summariseOfficials(mentions).map((sum) => {
    const mine = mentions.filter((m) => m.key === sum.key);
    const ids = sum.articleIds;
    const idsJson = JSON.stringify(ids);
    const articles = store.db.prepare(`SELECT a.id, a.published, a.title, a.url, coalesce(a.section, s.name, s.key) AS source
      FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE a.id IN (SELECT value FROM json_each(?)) ORDER BY a.published, a.id`)
      .all(idsJson) as { id: number; published: string | null; title: string; url: string | null; source: string | null }[];
    const titlesIn = new Map<number, string[]>();
    for (const m of mine) titlesIn.set(m.articleId, [...new Set([...(titlesIn.get(m.articleId) ?? []), ...m.titles])]);
    const perPeriod = new Map<string, number>();
    for (const a of articles) {
      const p = a.published ? periodOf(a.published, by) : 'undated';
      perPeriod.set(p, (perPeriod.get(p) ?? 0) + 1);
    }
    return {
      key: sum.key, name: sum.name, place: sum.place, first: sum.first, last: sum.last,
      posts: postsOf(mine),
      timeline: [...perPeriod].map(([period, n]) => ({ period, articles: n })),
      appearances: articles.map((a) => ({ articleId: a.id, published: a.published, title: a.title, source: a.source, url: a.url, titles: titlesIn.get(a.id) ?? [] })),
      coOfficials: coOfficials(officialMentions(store, { articleIds: ids }), sum.key),
      initiatives: store.db.prepare(`SELECT text, count(DISTINCT article_id) AS articles FROM initiatives
        WHERE article_id IN (SELECT value FROM json_each(?)) GROUP BY text ORDER BY articles DESC, min(id)`).all(idsJson) as { text: string; articles: number }[],
      figures: store.db.prepare(`SELECT f.id, f.article_id AS articleId, a.published, f.metric, f.value, f.unit, f.text, f.sentence
        FROM figures f JOIN articles a ON a.id = f.article_id WHERE f.article_id IN (SELECT value FROM json_each(?)) ORDER BY a.published, f.id`).all(idsJson) as ProfileFigure[],
    };
  });
}

/** Officials named in the same articles as `self`, by number of shared articles. */
function coOfficials(mentions: OfficialMention[], self: string): CoOfficial[] {
  const by = new Map<string, CoOfficial & { ids: Set<number> }>();
  for (const m of mentions) {
    if (m.key === self) continue;
    const c = by.get(m.key) ?? { key: m.key, name: m.name, place: m.place, articles: 0, ids: new Set<number>() };
    c.ids.add(m.articleId);
    c.articles = c.ids.size;
    by.set(m.key, c);
  }
  return [...by.values()].map(({ ids: _ids, ...c }) => c).sort((a, b) => b.articles - a.articles || a.name.localeCompare(b.name, 'zh'));
}

import type { Store } from '../store/db.ts';
import { withScope, type ScopeFilters } from './scope.ts';
import { placeCodeFilter } from './place-filter.ts';

export interface InitiativeRow {
  text: string;
  articles: number;
  first: string | null;
  last: string | null;
  /** Papers and sections that printed it. */
  sources: string[];
  /** Places that ran it: the place its sentence names, else the article's (gazetteer names). */
  places: string[];
  articleIds: number[];
}

/** Each initiative (quoted campaign or slogan) with who mentioned it and when, most widespread first. */
export function listInitiatives(store: Store, f: ScopeFilters & { top?: number; place?: string } = {}): InitiativeRow[] {
  // --place: mentions run in this place or inside it (新郑市, 新郑, 410184).
  const p = f.place ? placeCodeFilter('x.place_code', f.place) : undefined;
  const rows = withScope(store, f, (scope) => store.db.prepare(`SELECT x.text, x.article_id AS id, x.place, a.published, coalesce(a.section, s.name, s.key) AS source
    FROM initiatives x JOIN articles a ON a.id = x.article_id LEFT JOIN sources s ON s.id = a.source_id
    WHERE ${scope.where}${p ? ` AND ${p.where}` : ''} ORDER BY a.published, x.id`).all(...scope.params, ...(p ? [p.param] : [])) as { text: string; id: number; place: string | null; published: string | null; source: string | null }[]);
  const by = new Map<string, InitiativeRow & { ids: Set<number> }>();
  for (const r of rows) {
    const g = by.get(r.text) ?? { text: r.text, articles: 0, first: null, last: null, sources: [], places: [], articleIds: [], ids: new Set<number>() };
    g.ids.add(r.id);
    if (r.published && (!g.first || r.published < g.first)) g.first = r.published;
    if (r.published && (!g.last || r.published > g.last)) g.last = r.published;
    if (r.source && !g.sources.includes(r.source)) g.sources.push(r.source);
    const p = r.place;
    if (p && !g.places.includes(p)) g.places.push(p);
    by.set(r.text, g);
  }
  const out = [...by.values()].map(({ ids, ...g }) => ({ ...g, articles: ids.size, articleIds: [...ids] }))
    .sort((a, b) => b.articles - a.articles || b.places.length - a.places.length || (a.first ?? '').localeCompare(b.first ?? ''));
  return f.top ? out.slice(0, f.top) : out;
}

import type { Store } from '../store/db.ts';
import { officialMentions, postsOf } from './officials.ts';
import type { ScopeFilters } from './scope.ts';
import { withScope } from './scope.ts';

export type NetworkKind = 'officials' | 'officials-initiatives';
export const NETWORK_KINDS: NetworkKind[] = ['officials', 'officials-initiatives'];

export interface NetworkNode {
  id: string;
  label: string;
  kind: 'official' | 'initiative';
  place: string | null;
  placeCode: string | null;
  /** An official's posts (place + office, 襄城县 县委书记), most seen first; empty for an initiative. */
  posts: string[];
  /** Articles naming it. */
  articles: number;
}

export interface NetworkEdge {
  source: string;
  target: string;
  /** Articles naming both ends. */
  weight: number;
}

export interface Network {
  kind: NetworkKind;
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

/**
 * Co-occurrence in one article: between officials (undirected, each pair once), or
 * between officials and initiatives (bipartite). Weight = number of shared articles.
 */
export function coOccurrence(store: Store, kind: NetworkKind, f: ScopeFilters = {}): Network {
  const byArticle = new Map<number, Set<string>>();
  const nodes = new Map<string, NetworkNode & { ids: Set<number> }>();
  const postCount = new Map<string, Map<string, number>>();
  const addNode = (id: string, label: string, k: NetworkNode['kind'], place: string | null, placeCode: string | null, article: number) => {
    const n = nodes.get(id) ?? { id, label, kind: k, place, placeCode, posts: [], articles: 0, ids: new Set<number>() };
    n.ids.add(article);
    n.articles = n.ids.size;
    if (place && !n.place) { n.place = place; n.placeCode = placeCode; }
    nodes.set(id, n);
  };
  const mentions = officialMentions(store, f);
  for (const m of mentions) {
    addNode(m.key, m.name, 'official', m.place, m.placeCode, m.articleId);
    const c = postCount.get(m.key) ?? new Map<string, number>();
    for (const p of postsOf([m])) c.set(p.post, (c.get(p.post) ?? 0) + 1);
    postCount.set(m.key, c);
    if (!byArticle.has(m.articleId)) byArticle.set(m.articleId, new Set());
    byArticle.get(m.articleId)!.add(m.key);
  }
  const edges = new Map<string, NetworkEdge>();
  const link = (a: string, b: string) => {
    const k = `${a}\u0000${b}`;
    const e = edges.get(k) ?? { source: a, target: b, weight: 0 };
    e.weight++;
    edges.set(k, e);
  };
  if (kind === 'officials') {
    for (const keys of byArticle.values()) {
      const ks = [...keys].sort();
      for (let i = 0; i < ks.length; i++) for (let j = i + 1; j < ks.length; j++) link(ks[i], ks[j]);
    }
  } else {
    const items = withScope(store, f, (scope) => store.db.prepare(`SELECT DISTINCT x.article_id AS id, x.text FROM initiatives x
      JOIN articles a ON a.id = x.article_id LEFT JOIN sources s ON s.id = a.source_id WHERE ${scope.where}`).all(...scope.params) as { id: number; text: string }[]);
    for (const it of items) {
      const officials = byArticle.get(it.id);
      if (!officials) continue;
      const nid = `initiative:${it.text}`;
      addNode(nid, it.text, 'initiative', null, null, it.id);
      for (const o of officials) link(o, nid);
    }
  }
  const used = new Set([...edges.values()].flatMap((e) => [e.source, e.target]));
  return {
    kind,
    nodes: [...nodes.values()].filter((n) => kind === 'officials' || used.has(n.id)).map(({ ids: _ids, ...n }) => ({
      ...n, posts: [...(postCount.get(n.id) ?? [])].sort((a, b) => b[1] - a[1]).map(([p]) => p),
    })),
    edges: [...edges.values()].sort((a, b) => b.weight - a.weight || a.source.localeCompare(b.source) || a.target.localeCompare(b.target)),
  };
}

import type { Store } from '../store/db.ts';
import { officialMentions } from './officials.ts';
import type { ScopeFilters } from './scope.ts';
import { withScope } from './scope.ts';

export type NetworkKind = 'officials' | 'officials-initiatives';
export const NETWORK_KINDS: NetworkKind[] = ['officials', 'officials-initiatives'];

export interface NetworkNode {
  id: string;
  label: string;
  kind: 'official' | 'initiative';
  place: string | null;
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
  const addNode = (id: string, label: string, k: NetworkNode['kind'], place: string | null, article: number) => {
    const n = nodes.get(id) ?? { id, label, kind: k, place, articles: 0, ids: new Set<number>() };
    n.ids.add(article);
    n.articles = n.ids.size;
    if (place && !n.place) n.place = place;
    nodes.set(id, n);
  };
  for (const m of officialMentions(store, f)) {
    addNode(m.key, m.name, 'official', m.place, m.articleId);
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
      addNode(nid, it.text, 'initiative', null, it.id);
      for (const o of officials) link(o, nid);
    }
  }
  const used = new Set([...edges.values()].flatMap((e) => [e.source, e.target]));
  return {
    kind,
    nodes: [...nodes.values()].filter((n) => kind === 'officials' || used.has(n.id)).map(({ ids: _ids, ...n }) => n),
    edges: [...edges.values()].sort((a, b) => b.weight - a.weight || a.source.localeCompare(b.source) || a.target.localeCompare(b.target)),
  };
}

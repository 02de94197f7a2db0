import type { Store } from './db.ts';

export interface StoredArticle {
  id: number;
  source: string | null;
  ext_id: string | null;
  url: string | null;
  section: string | null;
  page: string | null;
  published: string | null;
  title: string;
  intro_title: string | null;
  sub_title: string | null;
  byline: string | null;
  body: string;
  text: string;
  content_hash: string;
  fetched_at: string | null;
  ingested_at: string;
  updated_at: string;
  extractor_version: string;
}

type Row = Record<string, unknown>;

export interface ArticleWithItems {
  article: StoredArticle;
  officials: (Row & { titles: string[] })[];
  persons: Row[];
  bylines: Row[];
  dates: Row[];
  figures: Row[];
  initiatives: Row[];
  documents: Row[];
  orgs: Row[];
}

/** One stored article with every row extracted from it, or undefined when there is no such id. */
export function getArticle(store: Store, id: number): ArticleWithItems | undefined {
  const db = store.db;
  const article = db.prepare(`SELECT a.*, coalesce(s.name, s.key) AS source FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE a.id = ?`).get(id) as (StoredArticle & { source_id?: number }) | undefined;
  if (!article) return undefined;
  delete article.source_id;
  const rows = (table: string, cols: string) =>
    db.prepare(`SELECT ${cols}, char_start, char_end, sentence FROM ${table} WHERE article_id = ? ORDER BY char_start, id`).all(id) as Row[];
  return {
    article,
    officials: rows('officials', 'id, name, titles, mentions').map((r) => ({ ...r, titles: JSON.parse(r.titles as string) as string[] })),
    persons: rows('persons', 'name'),
    bylines: rows('bylines', 'name, role'),
    dates: rows('dates', 'text, value, value_start, value_end'),
    figures: rows('figures', 'text, value, unit, metric'),
    initiatives: rows('initiatives', 'text'),
    documents: rows('documents', 'text'),
    orgs: rows('orgs', 'text'),
  };
}

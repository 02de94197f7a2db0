import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ensureCorpus, readCorpus, buildArticle } from '../../bench/corpus.ts';
import { loadMaterial } from '../../bench/material.ts';
import { tempDir } from '../helpers.ts';

describe('bench corpus builder', () => {
  const dir = tempDir('newsmine-bench-');

  it('writes one article per line in the Article shape, varied and reproducible', async () => {
    const first = await ensureCorpus(40, { dir });
    expect(first.built).toBe(true);
    const lines = readFileSync(first.file, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(40);
    const articles = lines.map((l) => JSON.parse(l));
    for (const a of articles) {
      expect(Object.keys(a).sort()).toEqual(['body', 'id', 'published', 'source', 'title']);
      expect(a.published).toMatch(/^20(1[6-9]|2[0-5])-\d{2}-\d{2}$/);
      expect(new Date(`${a.published}T00:00:00Z`).toISOString().slice(0, 10)).toBe(a.published);
      expect(a.title.length).toBeGreaterThan(4);
      expect(a.body.split('\n\n').length).toBeGreaterThanOrEqual(3);
      expect(a.body).not.toContain('¦');
    }
    expect(new Set(articles.map((a) => a.id)).size).toBe(40);
    expect(new Set(articles.map((a) => a.body)).size).toBe(40);
    expect(new Set(articles.map((a) => a.source)).size).toBeGreaterThan(3);
    expect(first.meta.chars).toBe(articles.reduce((n, a) => n + a.title.length + a.body.length, 0));

    // Kept between runs, and a smaller corpus is a prefix of a larger one.
    expect((await ensureCorpus(40, { dir })).built).toBe(false);
    const small = [];
    for await (const a of readCorpus((await ensureCorpus(10, { dir })).file)) small.push(a);
    expect(small).toEqual(articles.slice(0, 10));
    expect(buildArticle(loadMaterial(), 7)).toEqual(articles[7]);
  }, 120_000);

  it('swaps the material\'s names for generated ones', () => {
    const m = loadMaterial();
    expect(m.names.length).toBeGreaterThan(10);
    const text = Array.from({ length: 30 }, (_, i) => buildArticle(m, i)).map((a) => a.title + a.body).join('');
    const kept = m.names.filter((n) => [...n].length >= 3 && text.includes(n));
    expect(kept.length).toBeLessThan(m.names.length / 10);
  }, 120_000);
});

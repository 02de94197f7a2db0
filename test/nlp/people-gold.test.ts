// The gold articles of ../shared/gold, and the real articles of ../shared/gold/real
// (read here only, never copied into the project), through the extractor, scored the
// way ../shared/eval/score.mjs scores officials, titles and bylines. The floors sit a
// little under what the extractor reaches, so a regression fails here first.
// Skipped when ../shared is absent.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED } from '../helpers.ts';
import { extractArticle } from '../../src/nlp/extract.ts';

const SETS = [
  { dir: join(SHARED, 'gold'), name: 'the gold articles', floors: { officials: 0.97, titles: 0.95, bylines: 0.97 } },
  { dir: join(SHARED, 'gold', 'real'), name: 'the real articles', floors: { officials: 0.95, titles: 0.92, bylines: 0.95 } },
];

interface Gold {
  id: string;
  title: string;
  published?: string;
  text: string;
  officials: { name: string; titles: string[] }[];
  bylines: { name: string; role: string }[];
}

const strip = (s: string) => s.replace(/[\s“”「」『』《》"'‘’()（）【】[\]、，,。.:：·]/g, '');
const related = (a: string, b: string) => {
  const x = strip(a), y = strip(b);
  return !!x && !!y && (x.includes(y) || y.includes(x));
};
const f1 = (tp: number, predicted: number, gold: number) => {
  const p = predicted ? tp / predicted : 0, r = gold ? tp / gold : 0;
  return p + r ? (2 * p * r) / (p + r) : 0;
};

for (const { dir, name, floors } of SETS) describe.skipIf(!existsSync(dir))(`officials, titles and bylines on ${name}`, () => {
  const golds: Gold[] = existsSync(dir)
    ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')))
    : [];
  const t = { officials: [0, 0, 0], titles: [0, 0, 0], bylines: [0, 0, 0] };
  for (const g of golds) {
    const ex = extractArticle({ title: g.title, body: g.text, published: g.published });
    const byName = new Map(ex.officials.map((o) => [o.name, o]));
    t.officials[1] += byName.size;
    t.officials[2] += g.officials.length;
    for (const o of g.officials) {
      t.titles[2] += o.titles.length;
      const q = byName.get(o.name);
      if (!q) continue;
      t.officials[0]++;
      t.titles[1] += q.titles.length;
      t.titles[0] += o.titles.filter((gt) => q.titles.some((pt) => related(pt, gt))).length;
    }
    const credits = new Map(ex.bylines.map((b) => [b.name, b.role]));
    t.bylines[1] += credits.size;
    t.bylines[2] += g.bylines.length;
    for (const b of g.bylines) {
      const role = credits.get(b.name);
      if (role !== undefined) t.bylines[0] += related(role, b.role) ? 1 : 0.5;
    }
  }

  for (const field of ['officials', 'titles', 'bylines'] as const) {
    it(`${field} F1 stays at or above ${floors[field]}`, () => {
      const [tp, predicted, gold] = t[field];
      expect(gold).toBeGreaterThan(0);
      expect(f1(tp, predicted, gold)).toBeGreaterThanOrEqual(floors[field]);
    });
  }
});

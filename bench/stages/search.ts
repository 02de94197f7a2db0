// (4) Search latency over a fixed query set, through search() as the CLI calls it,
// and the bare FTS5 query (ranked top 20 from the word index) for the same terms.
import { openStore } from '../../src/store/db.ts';
import { search, type SearchOptions } from '../../src/store/search.ts';
import { cutWords } from '../../src/nlp/segment.ts';
import { nowMs, percentile, round, type Metrics, type Stage } from '../measure.ts';

export interface SearchArgs { db: string; reps: number }

interface BenchQuery extends SearchOptions {
  kind: 'name' | 'term' | 'phrase' | 'boolean' | 'filtered';
  /** The same terms as a plain FTS5 expression over jieba words. */
  bare: string[][];
}

// Names are drawn from the corpus generator's most frequent surnames and given-name
// characters; terms and phrases are what the shipped material writes about.
const Q = (kind: BenchQuery['kind'], query: string, bare: string[][], f: Partial<SearchOptions> = {}): BenchQuery => ({ kind, query, bare, ...f });
export const QUERIES: BenchQuery[] = [
  Q('name', '王伟', [['王伟']]),
  Q('name', '李娜', [['李娜']]),
  Q('name', '张敏', [['张敏']]),
  Q('name', '刘强', [['刘强']]),
  Q('term', '乡村振兴', [['乡村振兴']]),
  Q('term', '安全生产', [['安全生产']]),
  Q('term', '营商环境', [['营商环境']]),
  Q('term', '人居环境', [['人居环境']]),
  Q('term', '基层治理', [['基层治理']]),
  Q('phrase', '"优化营商环境"', [['优化营商环境']]),
  Q('phrase', '"五星支部"', [['五星支部']]),
  Q('phrase', '"高标准农田"', [['高标准农田']]),
  Q('boolean', '河长制 OR 植树造林', [['河长制'], ['植树造林']]),
  Q('boolean', '乡村振兴 AND 产业', [['乡村振兴', '产业']]),
  Q('boolean', '安全生产 NOT 燃气', [['安全生产']]),
  Q('boolean', '(项目 OR 产业) AND 投资', [['项目', '投资'], ['产业', '投资']]),
  Q('filtered', '项目', [['项目']], { from: '2020-01-01', to: '2020-12-31' }),
  Q('filtered', '乡村振兴', [['乡村振兴']], { source: '禹州时报' }),
  Q('filtered', '会议', [['会议']], { from: '2023-01', to: '2023-06', source: '长葛时讯' }),
];

/** OR of AND-groups of terms, each term as the phrase of its jieba words. */
function bareExpression(groups: string[][]): string {
  const phrase = (t: string) => `"${cutWords(t).join(' ')}"`;
  return groups.map((g) => g.map(phrase).join(' AND ')).map((g) => `(${g})`).join(' OR ');
}

export const stage: Stage<SearchArgs> = {
  async run({ db: path, reps }) {
    const store = openStore(path, { mustExist: true, readonly: true });
    const articles = (store.db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    const bare = store.db.prepare('SELECT rowid, bm25(fts_words, 5.0, 1.0) AS s FROM fts_words WHERE fts_words MATCH ? ORDER BY s LIMIT 20');
    const times: Record<string, number[]> = {};
    const bareTimes: number[] = [];
    const hits: Metrics = {};
    // One unrecorded pass warms the page cache and the statement paths.
    for (const q of QUERIES) hits[q.query + (q.from || q.source ? ' [filtered]' : '')] = search(store, { ...q, limit: 20 }).total;
    for (let r = 0; r < reps; r++) {
      for (const q of QUERIES) {
        let t = nowMs();
        search(store, { ...q, limit: 20 });
        (times[q.kind] ??= []).push(nowMs() - t);
        const expr = bareExpression(q.bare);
        t = nowMs();
        bare.all(expr);
        bareTimes.push(nowMs() - t);
      }
    }
    store.close();
    const all = Object.values(times).flat();
    const metrics: Metrics = {
      articles, queries: QUERIES.length, reps,
      p50Ms: round(percentile(all, 50)), p95Ms: round(percentile(all, 95)), maxMs: round(Math.max(...all)),
      bareP50Ms: round(percentile(bareTimes, 50)), bareP95Ms: round(percentile(bareTimes, 95)),
    };
    for (const [kind, xs] of Object.entries(times)) {
      metrics[`${kind}P50Ms`] = round(percentile(xs, 50));
      metrics[`${kind}P95Ms`] = round(percentile(xs, 95));
    }
    for (const [q, n] of Object.entries(hits)) metrics[`hits ${q}`] = n;
    return { available: true, metrics };
  },
};

import type { SearchOptions } from '../../src/store/search.ts';

export interface BenchQuery extends SearchOptions {
  kind: 'name' | 'term' | 'phrase' | 'boolean' | 'filtered';
  /** The same terms for the bare FTS5 query: OR of AND-groups. */
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

export const label = (q: BenchQuery) => q.query + (q.from || q.source ? ` [${[q.from && `from ${q.from}`, q.to && `to ${q.to}`, q.source].filter(Boolean).join(', ')}]` : '');

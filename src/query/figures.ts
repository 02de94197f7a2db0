import type { Store } from '../store/db.ts';
import { withScope, type ScopeFilters } from './scope.ts';
import { placeCodeFilter } from './place-filter.ts';

/**
 * The date or span the figure's own sentence gives (今年前三季度 -> 2017-01/2017-09): the
 * last date before the figure in that sentence, else the first after it. SQL over `x` (figures).
 */
export const FIGURE_PERIOD_SQL = `(SELECT d.value FROM dates d WHERE d.article_id = x.article_id AND d.sentence = x.sentence
  ORDER BY d.char_start > x.char_start, abs(d.char_start - x.char_start) LIMIT 1)`;

export interface FigureFilters extends ScopeFilters {
  /** Part of the metric (一般公共预算收入, 投资). */
  metric?: string;
  /** Exact base unit (元, %, 亩). */
  unit?: string;
  /** Figures reported for this place or inside it (新郑市, 新郑, 410184; 郑州市 takes its counties). */
  place?: string;
  limit?: number;
}

export interface FigureRow {
  id: number;
  articleId: number;
  published: string | null;
  source: string | null;
  metric: string | null;
  value: number;
  unit: string;
  text: string;
  /** The date or span the sentence gives for the figure, else null (the article date applies). */
  period: string | null;
  /** Where the figure is reported for: a place its sentence names, else the article's (gazetteer name). */
  place: string | null;
  /** GB/T 2260 code of the place. */
  placeCode: string | null;
  sentence: string;
  url: string | null;
  charStart: number;
  charEnd: number;
}

/** The figure table: every number with what it measures, its article and its sentence, oldest first. */
export function listFigures(store: Store, f: FigureFilters = {}): { total: number; rows: FigureRow[] } {
  return withScope(store, f, (scope) => {
    const where = [scope.where], params = [...scope.params];
    if (f.metric) { where.push('instr(x.metric, ?) > 0'); params.push(f.metric); }
    if (f.unit) { where.push('x.unit = ?'); params.push(f.unit); }
    if (f.place) { const p = placeCodeFilter('x.place_code', f.place); where.push(p.where); params.push(p.param); }
    const from = `FROM figures x JOIN articles a ON a.id = x.article_id LEFT JOIN sources s ON s.id = a.source_id WHERE ${where.join(' AND ')}`;
    const total = (store.db.prepare(`SELECT count(*) AS n ${from}`).get(...params) as { n: number }).n;
    const rows = store.db.prepare(`SELECT x.id, x.article_id AS articleId, a.published, coalesce(a.section, s.name, s.key) AS source,
        x.metric, x.value, x.unit, x.text, ${FIGURE_PERIOD_SQL} AS period, x.place, x.place_code AS placeCode, x.sentence, a.url, x.char_start AS charStart, x.char_end AS charEnd
      ${from} ORDER BY a.published, x.article_id, x.char_start LIMIT ?`).all(...params, f.limit ?? -1) as FigureRow[];
    return { total, rows };
  });
}

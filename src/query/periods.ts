export type Period = 'month' | 'quarter' | 'year';
export const PERIODS: Period[] = ['month', 'quarter', 'year'];

/** The period a YYYY-MM-DD date falls in: 2017-11, 2017-Q4, 2017. */
export function periodOf(date: string, by: Period): string {
  const y = date.slice(0, 4), m = Number(date.slice(5, 7));
  if (by === 'year') return y;
  if (by === 'quarter') return `${y}-Q${Math.ceil(m / 3)}`;
  return date.slice(0, 7);
}

/** Every period from `first` to `last` inclusive, so empty months show as zeros rather than vanish. */
export function periodRange(first: string, last: string, by: Period): string[] {
  const out: string[] = [];
  let y = Number(first.slice(0, 4));
  let i = by === 'year' ? 0 : by === 'quarter' ? Number(first.slice(6)) : Number(first.slice(5, 7));
  const step = by === 'quarter' ? 4 : 12;
  for (let guard = 0; guard < 100_000; guard++) {
    const p = by === 'year' ? String(y) : by === 'quarter' ? `${y}-Q${i}` : `${y}-${String(i).padStart(2, '0')}`;
    out.push(p);
    if (p >= last) break;
    if (by === 'year') y++;
    else if (++i > step) { i = 1; y++; }
  }
  return out;
}

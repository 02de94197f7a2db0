/**
 * The first and last day a normalised date value covers, so researchers can filter
 * `2017`, `2017-11`, `2017-11-01` and `2017-01/2017-09` alike with one range test.
 * Returns undefined for a value that is not of those forms.
 */
export function dateBounds(value: string): { start: string; end: string } | undefined {
  const [a, b = a] = value.split('/');
  const start = firstDay(a), end = lastDay(b);
  return start && end ? { start, end } : undefined;
}

function firstDay(v: string): string | undefined {
  if (/^\d{4}$/.test(v)) return `${v}-01-01`;
  if (/^\d{4}-\d{2}$/.test(v)) return `${v}-01`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  return undefined;
}

function lastDay(v: string): string | undefined {
  if (/^\d{4}$/.test(v)) return `${v}-12-31`;
  if (/^\d{4}-\d{2}$/.test(v)) {
    const [y, m] = v.split('-').map(Number);
    const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${v}-${String(days).padStart(2, '0')}`;
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  return undefined;
}

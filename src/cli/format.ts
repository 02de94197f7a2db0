/** Terminal width of a string: CJK and full-width characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && (c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x3fffd))) ? 2 : 1;
  }
  return w;
}

export function padDisplay(s: string, width: number, right = false): string {
  const pad = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return right ? pad + s : s + pad;
}

/** Cuts a string to at most `width` columns, marking the cut with …. */
export function truncateDisplay(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = '', w = 0;
  for (const ch of s) {
    const cw = displayWidth(ch);
    if (w + cw > width - 1) break;
    out += ch; w += cw;
  }
  return out + '…';
}

export interface Column<T> {
  header: string;
  value: (row: T) => string | number | null | undefined;
  max?: number;
  right?: boolean;
}

/** An aligned plain-text table for people (scripts use --json). */
export function renderTable<T>(rows: T[], cols: Column<T>[]): string {
  const cells = rows.map((r) => cols.map((c) => {
    const v = c.value(r);
    const s = v == null ? '' : String(v).replace(/\s+/g, ' ');
    return c.max ? truncateDisplay(s, c.max) : s;
  }));
  const widths = cols.map((c, i) => Math.max(displayWidth(c.header), ...cells.map((r) => displayWidth(r[i]))));
  const line = (vals: string[]) => vals.map((v, i) => padDisplay(v, widths[i], cols[i].right)).join('  ').trimEnd();
  return [line(cols.map((c) => c.header)), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n') + '\n';
}

/** `[hit]` markers from the search layer, shown bold on a terminal and kept as brackets elsewhere. */
export function highlight(s: string, tty = !!process.stdout.isTTY): string {
  return tty ? s.replace(/\[([^\]]*)\]/g, '\x1b[1;31m$1\x1b[0m') : s;
}

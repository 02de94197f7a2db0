/** A bar chart as a standalone SVG file, sized and labelled for a figure in a paper. */
export interface BarDatum {
  label: string;
  value: number;
}

export interface BarChartOptions {
  title: string;
  /** Y axis caption (share of articles, articles). */
  yLabel: string;
  /** Formats tick and bar values (percentages for shares). */
  format?: (v: number) => string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A round upper bound for the axis: 1, 2 or 5 times a power of ten. */
function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 5, 10].map((m) => m * p).find((m) => m >= v)!;
}

export function barChartSvg(data: BarDatum[], opts: BarChartOptions): string {
  const fmt = opts.format ?? ((v: number) => String(Math.round(v * 100) / 100));
  const left = 64, right = 16, top = 40, bottom = 72;
  const barW = Math.max(6, Math.min(40, Math.floor(800 / Math.max(1, data.length))));
  const plotW = barW * data.length, plotH = 260;
  const width = left + plotW + right, height = top + plotH + bottom;
  const max = niceMax(Math.max(0, ...data.map((d) => d.value)));
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const labelEvery = Math.max(1, Math.ceil(data.length / 24));
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${left}" y="22" font-size="14" font-weight="bold">${esc(opts.title)}</text>`,
    `<text transform="translate(14 ${top + plotH / 2}) rotate(-90)" text-anchor="middle">${esc(opts.yLabel)}</text>`,
  ];
  for (let i = 0; i <= 4; i++) {
    const v = (max * i) / 4, yy = y(v);
    out.push(`<line x1="${left}" x2="${left + plotW}" y1="${yy}" y2="${yy}" stroke="#ddd"/>`,
      `<text x="${left - 6}" y="${yy + 4}" text-anchor="end">${esc(fmt(v))}</text>`);
  }
  data.forEach((d, i) => {
    const x = left + i * barW, yy = y(d.value);
    out.push(`<rect x="${x + 1}" y="${yy}" width="${barW - 2}" height="${top + plotH - yy}" fill="#4472a8"><title>${esc(`${d.label}: ${fmt(d.value)}`)}</title></rect>`);
    if (i % labelEvery === 0) {
      out.push(`<text transform="translate(${x + barW / 2} ${top + plotH + 10}) rotate(45)" text-anchor="start">${esc(d.label)}</text>`);
    }
  });
  out.push(`<line x1="${left}" x2="${left + plotW}" y1="${top + plotH}" y2="${top + plotH}" stroke="#333"/>`, '</svg>');
  return out.join('\n') + '\n';
}

// Turns stage results into the table (console and Markdown), the ratios and the
// target checks, and keeps docs/performance.md's tables in step with bench/results/.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CorpusMeta } from './corpus.ts';
import type { Machine } from './machine.ts';
import { round, type StageResult } from './measure.ts';
import { CLI_RSS_LIMIT_MB, CLI_WALL_LIMIT_S } from './stages/cli-limits.ts';

export interface Row {
  stage: string;
  figure: string;
  ratio: string;
  target: string;
  peakMb: string;
}

export interface TargetCheck {
  name: string;
  target: string;
  value: number | null;
  /** null when the run's size is not the one the target is set for. */
  met: boolean | null;
  note?: string;
}

/** One read command of the cli stage. */
export interface CliRow {
  command: string;
  wall: string;
  peakMb: string;
  target: string;
}

export interface BenchResult {
  version: 1;
  startedAt: string;
  finishedAt: string;
  size: number;
  quick: boolean;
  machine: Machine & { loadavgEnd: number[] };
  corpus: CorpusMeta;
  stages: Record<string, StageResult>;
  report: { rows: Row[]; targets: TargetCheck[]; ratios: Record<string, number | null>; cli?: CliRow[] };
}

const num = (x: unknown) => (typeof x === 'number' ? x : NaN);
const fmt = (x: number, unit = '') => (Number.isFinite(x) ? `${x >= 1000 ? Math.round(x).toLocaleString('en-US') : round(x)}${unit}` : '–');
const mark = (met: boolean | null) => (met === null ? '' : met ? ' ✓' : ' ✗');

export function buildReport(size: number, stages: Record<string, StageResult>): BenchResult['report'] {
  const m = (s: string, k: string) => num(stages[s]?.metrics[k]);
  const peak = (s: string) => (stages[s]?.available ? fmt(num(stages[s]?.peakRssMb), ' MB') : '–');
  const na = (s: string) => (stages[s] && !stages[s].available ? `not available (${stages[s].reason})` : stages[s] ? '' : 'not run');
  const ingestRatio = m('ingest', 'articlesPerSec') / m('baseline', 'articlesPerSec');
  const extractRatio = m('extract', 'ratioToCut');
  const searchAt = m('search', 'articles');

  const targets: TargetCheck[] = [];
  // A limit measured at a smaller scale than the target's counts only when it is already
  // exceeded there (time and memory grow with the corpus; they do not shrink).
  const check = (name: string, target: string, value: number, ok: (v: number) => boolean, applies = true, note?: string) =>
    targets.push({
      name, target, value: Number.isFinite(value) ? round(value) : null,
      met: !Number.isFinite(value) ? null : applies ? ok(value) : ok(value) ? null : false,
      note,
    });
  check('ingest / baseline', '≥ 0.4', ingestRatio, (v) => v >= 0.4);
  check('extraction / raw cut', '≥ 0.4', extractRatio, (v) => v >= 0.4);
  const searchLimit = searchAt >= 1_000_000 ? 250 : 50;
  // Queries killed at the time limit make the p95 a lower bound: the limit itself.
  const timedOut = m('search', 'timedOut'), skipped = m('search', 'skipped'), notRun = m('search', 'notRun');
  const slowNote = [
    timedOut > 0 && `${timedOut} of ${m('search', 'queries')} queries did not finish within ${m('search', 'timeoutSec')} s`,
    skipped > 0 && `${skipped} with more hits not started`,
    notRun > 0 && `${notRun} not run (stage time limit)`,
  ].filter(Boolean).join(', ');
  const searchP95 = Number.isFinite(m('search', 'p95Ms')) ? m('search', 'p95Ms') : timedOut > 0 ? m('search', 'timeoutSec') * 1000 : NaN;
  check(`search p95`, `≤ ${searchLimit} ms at ${searchLimit === 250 ? '1M' : '100k'} articles`, searchP95, (v) => v <= searchLimit,
    searchAt >= 100_000, [searchAt < 100_000 && `measured at ${searchAt} articles; the target is set at 100k`, slowNote].filter(Boolean).join('; ') || undefined);
  check('ingest peak memory', '≤ 512 MB at 100k articles', num(stages.ingest?.peakRssMb), (v) => v <= 512,
    size >= 100_000, size < 100_000 ? `measured at ${size} articles` : undefined);
  const exportRows = m('export', 'rows');
  check('export peak memory', '≤ 256 MB for a 1M-row export', m('export', 'peakMbLargest'), (v) => v <= 256,
    exportRows >= 1_000_000, Number.isFinite(exportRows) && exportRows < 1_000_000 ? `export had ${exportRows} rows` : undefined);
  const cliRan = !!stages.cli?.available;
  if (cliRan) {
    check('cli wall time', `≤ ${CLI_WALL_LIMIT_S} s per read command, cold`, m('cli', 'worstWallSec'), (v) => v <= CLI_WALL_LIMIT_S);
    check('cli peak memory', `≤ ${CLI_RSS_LIMIT_MB} MB per read command`, m('cli', 'worstRssMb'), (v) => v <= CLI_RSS_LIMIT_MB);
  }
  const t = (name: string) => targets.find((x) => x.name === name)!;

  const rows: Row[] = [
    { stage: '1. Baseline: jieba cut + bare FTS5 insert', figure: na('baseline') || `${fmt(m('baseline', 'articlesPerSec'))} articles/s`, ratio: na('baseline') ? '' : '1', target: '', peakMb: peak('baseline') },
    { stage: '2. Ingest: full pipeline', figure: na('ingest') || `${fmt(m('ingest', 'articlesPerSec'))} articles/s`, ratio: fmt(ingestRatio), target: `≥ 0.4${mark(t('ingest / baseline').met)}; ≤ 512 MB at 100k${mark(t('ingest peak memory').met)}`, peakMb: peak('ingest') },
    { stage: '3. Extraction only', figure: na('extract') || `${fmt(m('extract', 'extractCharsPerSec'))} chars/s (raw cut ${fmt(m('extract', 'cutCharsPerSec'))})`, ratio: fmt(extractRatio), target: `≥ 0.4${mark(t('extraction / raw cut').met)}`, peakMb: peak('extract') },
    {
      stage: `4. Search at ${Number.isFinite(searchAt) ? searchAt.toLocaleString('en-US') : '?'} articles`,
      figure: na('search') || `p50 ${Number.isFinite(m('search', 'p50Ms')) ? fmt(m('search', 'p50Ms')) : `> ${fmt(searchP95)}`} ms, p95 ${Number.isFinite(m('search', 'p95Ms')) ? fmt(searchP95) : `> ${fmt(searchP95)}`} ms${slowNote ? ` (${slowNote})` : ''}; bare FTS5 p50 ${fmt(m('search', 'bareP50Ms'))}, p95 ${fmt(m('search', 'bareP95Ms'))} ms`,
      ratio: fmt(m('search', 'bareP95Ms') / searchP95),
      target: `p95 ≤ ${searchLimit} ms at ${searchLimit === 250 ? '1M' : '100k'}${mark(t('search p95').met)}`, peakMb: peak('search'),
    },
    {
      stage: '5. Export', figure: na('export') || `CSV ${fmt(m('export', 'csvRowsPerSec'))} rows/s, Parquet ${fmt(m('export', 'parquetRowsPerSec'))} rows/s (${fmt(exportRows)} rows)`,
      ratio: '', target: `≤ 256 MB for 1M rows${mark(t('export peak memory').met)}`,
      peakMb: na('export') ? '–' : `CSV ${fmt(m('export', 'csvPeakMb'), ' MB')}, Parquet ${fmt(m('export', 'parquetPeakMb'), ' MB')}`,
    },
    { stage: '6. Crawl: loopback replica, no politeness', figure: na('crawl') || `${fmt(m('crawl', 'articlesPerSec'))} articles/s (${fmt(m('crawl', 'pagesPerSec'))} pages/s)`, ratio: '', target: '', peakMb: peak('crawl') },
    {
      stage: `7. Read commands, cold process${cliRan ? (stages.cli.metrics.compiled ? ' (compiled dist/)' : ' (sources through tsx)') : ''}`,
      figure: na('cli') || `slowest ${fmt(m('cli', 'worstWallSec'))} s (median of ${m('cli', 'reps')})${stages.cli.metrics.failed ? `; failed: ${stages.cli.metrics.failed}` : ''}`,
      ratio: '', target: cliRan ? `≤ ${CLI_WALL_LIMIT_S} s${mark(t('cli wall time').met)}; ≤ ${CLI_RSS_LIMIT_MB} MB${mark(t('cli peak memory').met)}` : `≤ ${CLI_WALL_LIMIT_S} s; ≤ ${CLI_RSS_LIMIT_MB} MB`,
      peakMb: cliRan ? fmt(m('cli', 'worstRssMb'), ' MB') : '–',
    },
    { stage: 'Floor: an idle stage process (Node, tsx, jieba, SQLite)', figure: '', ratio: '', target: '', peakMb: peak('idle') },
  ];
  for (const x of targets) if (x.note && x.met === false && !x.note.includes('already')) x.note = x.note.replace(/^(measured at|export had) ([\d,]+ \w+)/, '$1 $2, already over the limit there');
  const r = (x: number) => (Number.isFinite(x) ? round(x) : null);
  const cli: CliRow[] | undefined = cliRan
    ? Object.keys(stages.cli.metrics).filter((k) => k.startsWith('wall ')).map((k) => {
      const name = k.slice(5), wall = m('cli', k), rss = m('cli', `rss ${name}`);
      return { command: name, wall: `${fmt(wall)} s`, peakMb: fmt(rss, ' MB'), target: `${wall <= CLI_WALL_LIMIT_S ? '✓' : '✗'} ${rss <= CLI_RSS_LIMIT_MB ? '✓' : '✗'}` };
    })
    : undefined;
  return { rows, targets, ratios: { ingest: r(ingestRatio), extract: r(extractRatio) }, ...(cli && { cli }) };
}

const HEAD: Row = { stage: 'Stage', figure: 'Measured', ratio: 'Ratio', target: 'Target', peakMb: 'Peak RSS' };

export function renderConsole(r: BenchResult): string {
  const rows = [HEAD, ...r.report.rows];
  const keys = Object.keys(HEAD) as (keyof Row)[];
  const width = keys.map((k) => Math.max(...rows.map((x) => [...x[k]].length)));
  const line = (x: Row) => keys.map((k, i) => x[k] + ' '.repeat(width[i] - [...x[k]].length)).join('  ').trimEnd();
  const out = [`\nnewsmine benchmark: ${r.size.toLocaleString('en-US')} articles${r.quick ? ' (quick)' : ''}, ${describe(r)}`, line(HEAD), ...r.report.rows.map(line)];
  if (r.report.cli) {
    const head: CliRow = { command: 'Read command (cold)', wall: 'Wall', peakMb: 'Peak RSS', target: `≤ ${CLI_WALL_LIMIT_S} s, ≤ ${CLI_RSS_LIMIT_MB} MB` };
    const ks = Object.keys(head) as (keyof CliRow)[];
    const w = ks.map((k) => Math.max(...[head, ...r.report.cli!].map((x) => [...x[k]].length)));
    out.push('', ...[head, ...r.report.cli].map((x) => ks.map((k, i) => x[k] + ' '.repeat(w[i] - [...x[k]].length)).join('  ').trimEnd()));
  }
  const missed = r.report.targets.filter((t) => t.met === false);
  if (missed.length) out.push(`targets not met: ${missed.map((t) => `${t.name} ${t.value} (target ${t.target})`).join('; ')}`);
  return out.join('\n') + '\n';
}

function describe(r: BenchResult): string {
  const m = r.machine;
  return `${m.nproc} cores (${m.cpu}), ${m.memory}, Node ${m.node}, SQLite ${m.sqlite}; load average ${m.loadavg[0]} at start, ${m.loadavgEnd[0]} at end`;
}

export function renderMarkdown(r: BenchResult): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const lines = [
    `#### ${r.size.toLocaleString('en-US')} articles (${r.startedAt.slice(0, 10)})`,
    '',
    `Machine: ${describe(r)}. Corpus: ${r.corpus.chars.toLocaleString('en-US')} characters.`,
    '',
    '| Stage | Measured | Ratio | Target | Peak RSS |',
    '|---|---|---|---|---|',
    ...r.report.rows.map((x) => `| ${[x.stage, x.figure, x.ratio, x.target, x.peakMb].map(cell).join(' | ')} |`),
  ];
  if (r.report.cli) {
    lines.push('', `| Read command (cold) | Wall | Peak RSS | ≤ ${CLI_WALL_LIMIT_S} s, ≤ ${CLI_RSS_LIMIT_MB} MB |`, '|---|---|---|---|',
      ...r.report.cli.map((x) => `| ${[x.command, x.wall, x.peakMb, x.target].map(cell).join(' | ')} |`));
  }
  const notes = r.report.targets.filter((t) => t.note).map((t) => `- ${t.name}: ${t.note}.`);
  if (notes.length) lines.push('', ...notes);
  return lines.join('\n');
}

const BEGIN = '<!-- bench:begin (generated by npm run bench from bench/results/; edit outside these markers) -->';
const END = '<!-- bench:end -->';

/** Rewrites the generated part of docs/performance.md from every committed result, smallest corpus first. */
export function updatePerformanceDoc(resultsDir: string, doc: string): void {
  const results = readdirSync(resultsDir).filter((f) => /^bench-\d+\.json$/.test(f))
    .map((f) => JSON.parse(readFileSync(join(resultsDir, f), 'utf8')) as BenchResult)
    .sort((a, b) => a.size - b.size);
  const block = `${BEGIN}\n${results.map(renderMarkdown).join('\n\n')}\n${END}`;
  const current = existsSync(doc) ? readFileSync(doc, 'utf8') : `# Performance\n\n${BEGIN}\n${END}\n`;
  const at = current.indexOf(BEGIN), end = current.indexOf(END);
  const next = at >= 0 && end > at ? current.slice(0, at) + block + current.slice(end + END.length) : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(doc, next);
}

// `npm run bench [-- --size N] [-- --quick] [-- --stages a,b] [-- --cpu-prof]`:
// builds (or reuses) the synthetic corpus, runs each stage in its own child process,
// prints the table and writes the JSON result (and the tables of docs/performance.md).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { ROOT } from '../src/paths.ts';
import { CORPUS_DIR, ensureCorpus } from './corpus.ts';
import { describeMachine } from './machine.ts';
import { RESULT_MARK, type StageResult } from './measure.ts';
import { buildReport, renderConsole, updatePerformanceDoc, type BenchResult } from './report.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const RESULTS_DIR = join(HERE, 'results');
const ALL_STAGES = ['idle', 'baseline', 'ingest', 'extract', 'search', 'cli', 'export', 'crawl'];

interface Options { size: number; quick: boolean; stages: string[]; cpuProf: boolean; reps?: number; reportOnly: boolean }

function usage(message: string): never {
  process.stderr.write(`bench: ${message}\nusage: npm run bench -- [--size N] [--quick] [--stages ${ALL_STAGES.join(',')}] [--reps N] [--cpu-prof] [--report-only]\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): Options {
  const o: Options = { size: 10_000, quick: false, stages: ALL_STAGES, cpuProf: false, reportOnly: false };
  let sized = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => argv[++i] ?? usage(`${a} needs a value`);
    if (a === '--quick') o.quick = true;
    else if (a === '--cpu-prof') o.cpuProf = true;
    else if (a === '--report-only') o.reportOnly = true;
    else if (a === '--size') { o.size = Number(value()); sized = true; if (!Number.isInteger(o.size) || o.size < 10) usage('--size must be a whole number ≥ 10'); }
    else if (a === '--reps') { o.reps = Number(value()); if (!Number.isInteger(o.reps) || o.reps < 1) usage('--reps must be a whole number ≥ 1'); }
    else if (a === '--stages') {
      o.stages = value().split(',').map((s) => s.trim()).filter(Boolean);
      const bad = o.stages.filter((s) => !ALL_STAGES.includes(s));
      if (bad.length) usage(`unknown stage ${bad.join(', ')}`);
    } else usage(`unknown option ${a}`);
  }
  if (o.quick && !sized) o.size = 300;
  return o;
}

/** Runs one stage in a child process; its result is the marked line of its stdout. */
function runStage(name: string, args: object, o: Options): Promise<StageResult> {
  // One folder per stage: tsx's loader thread writes a profile of its own next to the main thread's.
  const profDir = join(CORPUS_DIR, 'profiles', `${name}${'format' in args ? `-${args.format}` : ''}-${o.size}`);
  const flags = o.cpuProf ? ['--cpu-prof', '--cpu-prof-dir', profDir] : [];
  const child = spawn(process.execPath, [...flags, join(ROOT, 'bin', 'run.js'), join(HERE, 'child.ts'), name, JSON.stringify(args)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => { out += d; });
  return new Promise((resolve) => {
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith(RESULT_MARK));
      if (line) resolve(JSON.parse(line.slice(RESULT_MARK.length)) as StageResult);
      else resolve({ stage: name, available: false, reason: `stage process failed (exit code ${code})`, metrics: {} });
    });
  });
}

/** CSV and Parquet each in its own process, reported as one stage. */
async function runExport(o: Options): Promise<StageResult> {
  const csv = await runStage('export', { ...stageArgs.export, format: 'csv' }, o);
  if (!csv.available) return csv;
  const parquet = await runStage('export', { ...stageArgs.export, format: 'parquet' }, o);
  const m = (r: StageResult, k: string) => r.metrics[k] ?? null;
  return {
    stage: 'export',
    available: true,
    metrics: {
      ...Object.fromEntries(Object.entries(csv.metrics).filter(([k]) => k.startsWith('rows '))),
      articles: m(csv, 'articles'), from: m(csv, 'from'), rows: m(csv, 'rows'),
      csvRowsPerSec: m(csv, 'rowsPerSec'), csvSeconds: m(csv, 'seconds'), csvPeakMb: csv.peakRssMb ?? null,
      parquetRowsPerSec: parquet.available ? m(parquet, 'rowsPerSec') : null, parquetSeconds: m(parquet, 'seconds'),
      parquetPeakMb: parquet.peakRssMb ?? null, parquetError: parquet.available ? null : parquet.reason ?? null,
      peakMbLargest: Math.max(csv.peakRssMb ?? 0, parquet.peakRssMb ?? 0),
    },
    peakRssMb: Math.max(csv.peakRssMb ?? 0, parquet.peakRssMb ?? 0),
    seconds: (csv.seconds ?? 0) + (parquet.seconds ?? 0),
  };
}

const o = parseArgs(process.argv.slice(2));
if (o.reportOnly) {
  // Recomputes the tables and target checks of the committed records (after a change to the report).
  for (const f of readdirSync(RESULTS_DIR).filter((f) => /^(bench-\d+|latest)\.json$/.test(f))) {
    const r = JSON.parse(readFileSync(join(RESULTS_DIR, f), 'utf8')) as BenchResult;
    r.report = buildReport(r.size, r.stages);
    writeFileSync(join(RESULTS_DIR, f), JSON.stringify(r, null, 1) + '\n');
  }
  updatePerformanceDoc(RESULTS_DIR, join(ROOT, 'docs', 'performance.md'));
  process.exit(0);
}
const started = new Date();
const sqliteVersion = (new Database(':memory:').prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
const machineAtStart = describeMachine(sqliteVersion);
process.stderr.write(`bench: ${o.size} articles${o.quick ? ' (quick)' : ''}; ${machineAtStart.nproc} cores, load ${machineAtStart.loadavg.join(' ')}\n`);

const corpus = await ensureCorpus(o.size, { onProgress: (d, t) => process.stderr.write(`  corpus: ${d}/${t}\n`) });
process.stderr.write(`bench: corpus ${relative(ROOT, corpus.file)} (${corpus.built ? 'built' : 'kept from an earlier run'}, ${corpus.meta.chars} characters)\n`);

const db = join(CORPUS_DIR, `store-${o.size}.db`);
const stageArgs: Record<string, object> = {
  idle: {},
  baseline: { corpus: corpus.file, db: join(CORPUS_DIR, `baseline-${o.size}.db`) },
  ingest: { corpus: corpus.file, db },
  extract: { corpus: corpus.file, sample: Math.min(o.size, o.quick ? 50 : 2000) },
  search: { db, reps: o.reps ?? (o.quick ? 2 : 10) },
  cli: { db, reps: o.quick ? 1 : 3, out: CORPUS_DIR },
  export: { db, out: join(CORPUS_DIR, 'export'), maxRows: 1_000_000 },
  crawl: { db: join(CORPUS_DIR, 'crawl.db'), minSeconds: o.quick ? 0 : 10, warmUp: !o.quick },
};

const stages: Record<string, StageResult> = {};
for (const name of ALL_STAGES.filter((s) => o.stages.includes(s))) {
  process.stderr.write(`bench: ${name}…\n`);
  stages[name] = { ...(name === 'export' ? await runExport(o) : await runStage(name, stageArgs[name], o)), at: new Date().toISOString() };
  const r = stages[name];
  process.stderr.write(`bench: ${name} ${r.available ? `done in ${r.seconds}s, peak ${r.peakRssMb} MB` : `not available: ${r.reason}`}\n`);
}

const partial = o.stages.length !== ALL_STAGES.length;
const recordFile = join(RESULTS_DIR, `bench-${o.size}.json`);
// A partial run (--stages) of a full size updates those stages in the size's record,
// so a long stage (search at 100k) can be measured again without rebuilding the rest.
// Quick runs check that everything works and profiled runs are slowed by the profiler:
// neither is the record.
const record = !o.quick && !o.cpuProf;
const earlier = partial && record && existsSync(recordFile) ? (JSON.parse(readFileSync(recordFile, 'utf8')) as BenchResult) : undefined;
const merged = { ...(earlier?.stages ?? {}), ...stages };
const result: BenchResult = {
  version: 1,
  startedAt: started.toISOString(),
  finishedAt: new Date().toISOString(),
  size: o.size,
  quick: o.quick,
  machine: { ...machineAtStart, loadavgEnd: describeMachine(sqliteVersion).loadavg },
  corpus: corpus.meta,
  stages: Object.fromEntries(ALL_STAGES.filter((s) => merged[s]).map((s) => [s, merged[s]])),
  report: buildReport(o.size, merged),
};
process.stdout.write(renderConsole(result));

const target = record ? recordFile : join(CORPUS_DIR, `result-${o.quick ? 'quick' : 'profiled'}-${o.size}.json`);
mkdirSync(join(target, '..'), { recursive: true });
writeFileSync(target, JSON.stringify(result, null, 1) + '\n');
if (record) {
  if (!partial) writeFileSync(join(RESULTS_DIR, 'latest.json'), JSON.stringify(result, null, 1) + '\n');
  updatePerformanceDoc(RESULTS_DIR, join(ROOT, 'docs', 'performance.md'));
}
process.stderr.write(`bench: result written to ${relative(ROOT, target)}\n`);

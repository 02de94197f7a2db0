// Timing and memory helpers shared by the stages.
import { readFileSync } from 'node:fs';

/** Milliseconds since an arbitrary origin, sub-millisecond resolution. */
export const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

/** Nearest-rank percentile of unsorted samples. */
export function percentile(samples: number[], p: number): number {
  if (!samples.length) return NaN;
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/**
 * Peak resident set size of this process so far, MB. Linux's VmHWM, where there is one:
 * getrusage's maxRSS (process.resourceUsage().maxRSS) survives exec, so a child started
 * by a parent holding jieba's 270 MB of dictionaries would report at least that much.
 */
export function peakRssMb(): number {
  try {
    const m = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) / 1024;
  } catch { /* not Linux */ }
  return process.resourceUsage().maxRSS / 1024;
}

/** Round to a few significant digits for the report. */
export function round(v: number, digits = 3): number {
  if (!Number.isFinite(v) || v === 0) return v;
  const scale = 10 ** Math.max(0, digits - Math.ceil(Math.log10(Math.abs(v))));
  return Math.round(v * scale) / scale;
}

/** Progress on stderr, at most once a second, so long stages show they are alive. */
export function progress(label: string): (done: number, total?: number) => void {
  let last = 0;
  const started = nowMs();
  return (done, total) => {
    const t = nowMs();
    if (t - last < 1000 && done !== total) return;
    last = t;
    const secs = (t - started) / 1000;
    process.stderr.write(`  ${label}: ${done}${total ? `/${total}` : ''}${secs >= 1 ? ` (${(done / secs).toFixed(0)}/s)` : ''}\n`);
  };
}

export type Metrics = Record<string, number | string | boolean | null>;

export interface StageResult {
  stage: string;
  /** False when the stage could not run (a module not there yet); `reason` says why. */
  available: boolean;
  reason?: string;
  metrics: Metrics;
  /** process.resourceUsage().maxRSS of the stage's own child process, MB. */
  peakRssMb?: number;
  seconds?: number;
  /** When the stage finished (a record may merge stages of several runs). */
  at?: string;
}

export interface Stage<A = Record<string, unknown>> {
  run(args: A): Promise<{ available: boolean; reason?: string; metrics: Metrics }>;
}

/** Prefix of the stdout line a stage child reports its result on. */
export const RESULT_MARK = '@@bench-result ';

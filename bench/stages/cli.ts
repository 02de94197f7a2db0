// (7) The read commands as a user runs them: each a cold `node bin/newsmine.js` process
// on the stage's database, its wall time (spawn to exit, measured here) and its peak
// resident memory (VmHWM, reported by bench/cli-rss.mjs preloaded into it). Targets:
// ≤ 0.5 s and ≤ 150 MB each. The CLI runs dist/ when it is built and current, else the
// sources through tsx; the stage records which.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT } from '../../src/paths.ts';
import { openStore } from '../../src/store/db.ts';
// @ts-expect-error: plain JS next to the CLI, no declarations
import { distIsCurrent } from '../../bin/dist-current.js';
import { nowMs, percentile, round, type Metrics, type Stage } from '../measure.ts';

export interface CliArgs {
  db: string;
  /** Cold runs of each command; the median wall time and the largest peak memory are reported. */
  reps: number;
  /** Where `network` writes its file. */
  out: string;
}


const RSS_PRELOAD = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'cli-rss.mjs');

function runCli(args: string[], rssFile: string): Promise<{ seconds: number; rssMb: number; code: number | null }> {
  rmSync(rssFile, { force: true });
  const started = nowMs();
  const child = spawn(process.execPath, ['--import', RSS_PRELOAD, join(ROOT, 'bin', 'newsmine.js'), ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, NEWSMINE_BENCH_RSS_FILE: rssFile },
  });
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => { err += d; });
  return new Promise((resolve) => child.on('close', (code) => {
    const seconds = (nowMs() - started) / 1000;
    if (code !== 0) process.stderr.write(`  cli: newsmine ${args.join(' ')} exited ${code}: ${err.trim()}\n`);
    const kb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) : NaN;
    resolve({ seconds, rssMb: kb / 1024, code });
  }));
}

export const stage: Stage<CliArgs> = {
  async run({ db, reps, out }) {
    const store = openStore(db, { mustExist: true, readonly: true });
    const articles = store.db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
    const official = store.db.prepare('SELECT name FROM officials GROUP BY name ORDER BY count(*) DESC, name LIMIT 1').pluck().get() as string | undefined;
    const someId = store.db.prepare('SELECT id FROM articles ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM articles)').pluck().get() as number;
    store.close();
    const network = join(out, 'cli-network.csv');
    const commands: [string, string[]][] = [
      ['search (name)', ['search', '王伟']],
      ['search (term)', ['search', '乡村振兴']],
      ['search (phrase, filtered)', ['search', '"优化营商环境"', '--from', '2020']],
      ['search --kwic', ['search', '河长制', '--kwic', '12']],
      ['search --count', ['search', '项目', '--count']],
      ['show', ['show', String(someId)]],
      ['timeline', ['timeline', '乡村振兴', '--by', 'year']],
      ['officials', ['officials']],
      ['official', ['official', official ?? '王伟']],
      ['figures', ['figures']],
      ['initiatives', ['initiatives']],
      ['network', ['network', '--kind', 'officials', '--out', network]],
    ];
    const rssFile = join(out, `cli-rss-${process.pid}.txt`);
    const metrics: Metrics = { articles, reps, compiled: distIsCurrent() };
    let worstWall = 0, worstRss = 0;
    const failed: string[] = [];
    for (const [name, args] of commands) {
      const walls: number[] = [], rss: number[] = [];
      for (let i = 0; i < reps; i++) {
        const r = await runCli(['--db', db, ...args], rssFile);
        if (r.code !== 0) failed.push(name);
        walls.push(r.seconds);
        rss.push(r.rssMb);
      }
      const wall = percentile(walls, 50), peak = Math.max(...rss);
      metrics[`wall ${name}`] = round(wall);
      metrics[`rss ${name}`] = round(peak);
      worstWall = Math.max(worstWall, wall);
      worstRss = Math.max(worstRss, peak);
      process.stderr.write(`  cli: ${name}: ${round(wall)} s, ${round(peak)} MB\n`);
    }
    rmSync(rssFile, { force: true });
    rmSync(network, { force: true });
    Object.assign(metrics, { worstWallSec: round(worstWall), worstRssMb: round(worstRss), failed: [...new Set(failed)].join(', ') || null });
    return { available: true, metrics };
  },
};

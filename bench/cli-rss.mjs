// Preloaded into a CLI process by the cli stage (node --import): at exit, appends the
// process's peak resident memory (Linux VmHWM, kB) to $NEWSMINE_BENCH_RSS_FILE.
import { appendFileSync, readFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.NEWSMINE_BENCH_RSS_FILE;
  if (!file) return;
  let kb = process.resourceUsage().maxRSS;
  try {
    const m = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) kb = Number(m[1]);
  } catch { /* not Linux */ }
  appendFileSync(file, `${kb}\n`);
});

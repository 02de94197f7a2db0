// Summarises a V8 CPU profile (`npm run bench -- --cpu-prof` writes them under
// bench/corpus/profiles/): self time by function and by source file, heaviest first.
// `node bin/run.js bench/profile.ts FILE.cpuprofile [N]`
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { ROOT } from '../src/paths.ts';

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: Node[]; samples: number[]; timeDeltas: number[] }

export function summarise(p: Profile): { byFunction: [string, number][]; byFile: [string, number][]; totalMs: number } {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const fn = new Map<string, number>(), file = new Map<string, number>();
  let total = 0;
  for (const [id, us] of self) {
    const f = byId.get(id)!.callFrame;
    const where = f.url ? relative(ROOT, f.url.replace(/^file:\/\//, '')) : '(native)';
    const key = `${f.functionName || '(anonymous)'} ${where}:${f.lineNumber + 1}`;
    fn.set(key, (fn.get(key) ?? 0) + us);
    file.set(where, (file.get(where) ?? 0) + us);
    total += us;
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, v / 1000] as [string, number]);
  return { byFunction: sorted(fn), byFile: sorted(file), totalMs: total / 1000 };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, n = '25'] = process.argv.slice(2);
  if (!file) { process.stderr.write('usage: node bin/run.js bench/profile.ts FILE.cpuprofile [N]\n'); process.exit(2); }
  const s = summarise(JSON.parse(readFileSync(file, 'utf8')) as Profile);
  const pct = (ms: number) => `${((100 * ms) / s.totalMs).toFixed(1).padStart(5)} %  ${ms.toFixed(0).padStart(7)} ms`;
  process.stdout.write(`total ${s.totalMs.toFixed(0)} ms sampled\n\nby file:\n`);
  for (const [k, v] of s.byFile.slice(0, Number(n))) process.stdout.write(`${pct(v)}  ${k}\n`);
  process.stdout.write('\nby function:\n');
  for (const [k, v] of s.byFunction.slice(0, Number(n))) process.stdout.write(`${pct(v)}  ${k}\n`);
}

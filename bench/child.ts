// Runs one stage in its own process, so its peak memory (maxRSS) is its own:
// `node bin/run.js bench/child.ts STAGE JSON_ARGS`. The result is the last stdout line.
import { nowMs, peakRssMb, round, RESULT_MARK, type StageResult } from './measure.ts';
import { STAGES } from './stages/index.ts';

const [name, json] = process.argv.slice(2);
const load = STAGES[name];
if (!load) {
  process.stderr.write(`bench: unknown stage "${name}" (stages: ${Object.keys(STAGES).join(', ')})\n`);
  process.exit(2);
}
const started = nowMs();
const stage = await load();
const out = await stage.run(JSON.parse(json ?? '{}'));
const result: StageResult = { stage: name, ...out, peakRssMb: round(peakRssMb()), seconds: round((nowMs() - started) / 1000) };
process.stdout.write(`\n${RESULT_MARK}${JSON.stringify(result)}\n`);
// Open handles (a server, a database) must not keep a finished stage alive.
process.exit(0);

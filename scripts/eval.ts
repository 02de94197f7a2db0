// `npm run eval`: both scorers from ../shared, run against this checkout's `newsmine extract`.
//   npm run eval                 gold, real and held-out articles (score.mjs) and People's Daily 1998 persons (persons.mjs)
//   npm run eval -- --every 10   sample every 10th PFR paragraph (quicker)
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../src/paths.ts';

const shared = join(ROOT, '..', 'shared');
if (!existsSync(join(shared, 'eval', 'score.mjs'))) {
  console.error(`npm run eval: the scorers are not at ${shared}/eval (they come with the shared folder beside the project)`);
  process.exit(1);
}
const args = process.argv.slice(2);
const extract = `node ${JSON.stringify(join(ROOT, 'bin', 'newsmine.js'))} extract`;
const gold = readdirSync(join(shared, 'gold')).filter((f) => f.endsWith('.json')).map((f) => join(shared, 'gold', f));
const run = (title: string, script: string, extra: string[]) => {
  console.log(`\n== ${title}`);
  execFileSync(process.execPath, [join(shared, 'eval', script), '--cmd', extract, ...extra], { stdio: 'inherit' });
};
// The held-out sets the project ships (test/fixtures/heldout*/), each scored on its own.
const fixtures = join(ROOT, 'test', 'fixtures');
const heldout = existsSync(fixtures) ? readdirSync(fixtures).filter((d) => /^heldout\d*$/.test(d)).sort() : [];
try {
  run(`gold articles (${gold.length})`, 'score.mjs', [...args.filter((a) => a === '-v'), ...gold]);
  // Real articles from public news sites (../shared/gold/real): measured here, never shipped.
  const realDir = join(shared, 'gold', 'real');
  const real = existsSync(realDir) ? readdirSync(realDir).filter((f) => f.endsWith('.json')).map((f) => join(realDir, f)) : [];
  if (real.length) run(`real articles (${real.length}, public news sites, with places)`, 'score.mjs', [...args.filter((a) => a === '-v'), ...real]);
  for (const set of heldout) {
    const files = readdirSync(join(fixtures, set)).filter((f) => f.endsWith('.json')).map((f) => join(fixtures, set, f));
    run(`${set} (${files.length} articles, written apart from the extractors)`, 'score.mjs', [...args.filter((a) => a === '-v'), ...files]);
  }
  run('People\'s Daily 1998 person names', 'persons.mjs', args.filter((a) => a !== '-v'));
} catch (e) {
  console.error(`npm run eval: a scorer failed (${(e as Error).message.split('\n')[0]})`);
  process.exit(1);
}

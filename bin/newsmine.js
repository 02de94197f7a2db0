#!/usr/bin/env node
// Runs the compiled CLI in dist/ (built by `npm run build`, which npm's `prepare` runs on
// install) when it is newer than every source file; otherwise, or with NEWSMINE_TSX=1, the
// sources through tsx's loader, so a fresh clone or an edited source works with no build
// step to forget. tsx's loader alone costs about a third of a second per start.
import { distIsCurrent } from './dist-current.js';

// `newsmine search … | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

let main;
if (distIsCurrent()) {
  ({ main } = await import('../dist/cli/main.js'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));

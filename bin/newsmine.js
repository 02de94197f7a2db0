#!/usr/bin/env node
// The sources run through tsx's loader so a fresh clone works right after
// `npm install`, with no build step to forget.
import { register } from 'tsx/esm/api';

// `newsmine search … | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));

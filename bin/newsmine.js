#!/usr/bin/env node
// The sources run through tsx's loader so a fresh clone works right after
// `npm install`, with no build step to forget.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));

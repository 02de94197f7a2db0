#!/usr/bin/env node
// Runs a TypeScript script of the project (bench, eval) through tsx: `node bin/run.js FILE.ts ARGS...`.
import { register } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

register();
const [script, ...rest] = process.argv.slice(2);
process.argv = [process.argv[0], resolve(script), ...rest];
await import(pathToFileURL(resolve(script)).href);

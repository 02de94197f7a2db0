#!/usr/bin/env node
// Compiles src/ to dist/ (plain JS, which bin/newsmine.js runs without tsx's loader) and
// writes the compact jieba dictionary the query side reads (dist/jieba-lite.sqlite).
// Runs as npm's `prepare`, so `npm install` / `npm ci` builds it; `npm run build` by hand.
// Without TypeScript (a production install) it leaves dist/ alone: the CLI then runs
// the sources through tsx, as before.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
let tsc;
try {
  tsc = createRequire(join(ROOT, 'package.json')).resolve('typescript/bin/tsc');
} catch {
  console.error('newsmine build: TypeScript is not installed; skipped (the CLI runs the sources through tsx)');
  process.exit(0);
}
rmSync(join(DIST, 'BUILD'), { force: true });
const r = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status ?? 1);
// src/nlp/version.ts digests the extractors' own .ts files next to it: the same files here
// give compiled and source runs the same extractor version.
const nlp = join(ROOT, 'src', 'nlp');
mkdirSync(join(DIST, 'nlp'), { recursive: true });
for (const f of readdirSync(nlp).filter((f) => f.endsWith('.ts'))) copyFileSync(join(nlp, f), join(DIST, 'nlp', f));
const { ensureLiteDict } = await import(pathToFileURL(join(DIST, 'store', 'lite-jieba.js')).href);
ensureLiteDict();
// Written last: bin/newsmine.js runs dist/ only when this is newer than every source file.
writeFileSync(join(DIST, 'BUILD'), `${new Date().toISOString()}\n`);

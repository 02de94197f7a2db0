// Whether dist/ (npm run build) was built after the last change to any file under src/:
// bin/newsmine.js runs it only then, and the bench's cli stage reports which one ran.
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export function distIsCurrent() {
  if (process.env.NEWSMINE_TSX) return false;
  let built;
  try {
    built = statSync(join(ROOT, 'dist', 'BUILD')).mtimeMs;
  } catch {
    return false;
  }
  const newer = (dir) => readdirSync(dir, { withFileTypes: true }).some((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? newer(p) : statSync(p).mtimeMs > built;
  });
  return !newer(join(ROOT, 'src'));
}

import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, SHARED } from '../helpers.ts';

// The annotated real articles of ../shared/gold/real (copied from public news sites; read
// here only, never shipped): dates, figures, initiatives and orgs stay above these floors,
// a little under today's scores. Skipped when the shared folder is absent.
const REAL = join(SHARED, 'gold', 'real');
const scorer = join(SHARED, 'eval', 'score.mjs');
const FLOORS: Record<string, number> = { dates: 0.95, figures: 0.95, initiatives: 0.9, documents: 0.95, orgs: 0.88 };

describe.skipIf(!existsSync(scorer) || !existsSync(REAL))('extraction on the real articles of the shared gold', () => {
  it('stays above the floors for dates, figures, initiatives, documents and orgs', () => {
    const files = readdirSync(REAL).filter((f) => f.endsWith('.json')).map((f) => join(REAL, f));
    const out = execFileSync(process.execPath, [scorer, '--json', '--cmd', `${JSON.stringify(process.execPath)} ${JSON.stringify(join(ROOT, 'bin', 'newsmine.js'))} extract`, ...files], { encoding: 'utf8' });
    const result = JSON.parse(out.trim().split('\n').pop()!) as Record<string, { f1: number }>;
    for (const [field, floor] of Object.entries(FLOORS)) expect(result[field].f1, field).toBeGreaterThanOrEqual(floor);
  }, 120_000);
});

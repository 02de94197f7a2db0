import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DICT_DIR } from '../paths.ts';
import { VERSION } from '../version.ts';

/**
 * Identifies what produced an article's extracted rows: the package version plus a
 * digest of the dictionaries. Re-ingesting unchanged text under a new extractor
 * re-extracts it; under the same one it is left alone.
 */
export const DICTIONARY_DIGEST: string = (() => {
  const h = createHash('sha256');
  if (existsSync(DICT_DIR)) {
    for (const f of readdirSync(DICT_DIR).sort()) h.update(f).update(readFileSync(join(DICT_DIR, f)));
  }
  return h.digest('hex').slice(0, 12);
})();

export const EXTRACTOR_VERSION = `${VERSION}+${DICTIONARY_DIGEST}`;

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DICT_DIR } from '../paths.ts';
import { VERSION } from '../version.ts';

/** Each file under data/dict with a digest of its bytes, for export manifests. */
export const DICTIONARY_FILES: { file: string; sha256: string }[] = existsSync(DICT_DIR)
  ? readdirSync(DICT_DIR).sort().map((file) => ({ file, sha256: createHash('sha256').update(readFileSync(join(DICT_DIR, file))).digest('hex').slice(0, 16) }))
  : [];

/**
 * Identifies what produced an article's extracted rows: the package version plus a
 * digest of the dictionaries and one of the extractors' code. Re-ingesting unchanged text under a new extractor
 * re-extracts it; under the same one it is left alone.
 */
export const DICTIONARY_DIGEST: string = createHash('sha256')
  .update(DICTIONARY_FILES.map((d) => `${d.file}:${d.sha256}`).join('\n'))
  .digest('hex')
  .slice(0, 12);

// The extractors' own code: a change to a rule re-extracts as a change to a dictionary
// does, without waiting for a release to bump the version.
const NLP_DIR = fileURLToPath(new URL('.', import.meta.url));
const CODE_DIGEST: string = (() => {
  const h = createHash('sha256');
  for (const f of readdirSync(NLP_DIR).filter((f) => f.endsWith('.ts')).sort()) h.update(f).update(readFileSync(join(NLP_DIR, f)));
  return h.digest('hex').slice(0, 8);
})();

export const EXTRACTOR_VERSION = `${VERSION}+${DICTIONARY_DIGEST}.${CODE_DIGEST}`;

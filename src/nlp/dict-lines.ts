import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DICT_DIR } from '../paths.ts';

/**
 * The lines of a word list under data/dict: trimmed, without blanks and `#` comments.
 * A missing file is an empty list, so an extractor still runs on a partial install.
 */
export function readDictLines(file: string): string[] {
  let raw: string;
  try {
    raw = readFileSync(join(DICT_DIR, file), 'utf8');
  } catch {
    return [];
  }
  return raw.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
}

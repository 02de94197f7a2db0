import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root, found from this file so commands work from any working directory. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DATA_DIR = join(ROOT, 'data');
export const DICT_DIR = join(DATA_DIR, 'dict');

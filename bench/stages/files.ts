import { rmSync } from 'node:fs';

/** Removes a SQLite database with its WAL and shared-memory files. */
export function removeDb(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}

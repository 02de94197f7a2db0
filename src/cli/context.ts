import type { Command } from 'commander';
import { openStore, type OpenOptions, type Store } from '../store/db.ts';
import { UserError } from '../errors.ts';
import { isIsoDate } from '../iso-date.ts';

/** The store named by the global --db option (or $NEWSMINE_DB, or ./newsmine.db). */
export function storeFor(cmd: Command, opts: OpenOptions = {}): Store {
  return openStore(cmd.optsWithGlobals().db as string | undefined, opts);
}

/** Parses a positive integer option, or fails with a usage error. */
export function intOption(name: string, v: string | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new UserError(`${name}: "${v}" is not a whole number`, 2);
  return n;
}

/** Checks a --published date (exit 2 when it is no calendar day). */
export function checkPublished(v: string | undefined): void {
  if (v && !isIsoDate(v)) throw new UserError(`--published: "${v}" is not a date (want YYYY-MM-DD)`, 2);
}

import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UserError } from '../errors.ts';
import { MIGRATIONS } from './schema.ts';

export interface Store {
  db: Database.Database;
  path: string;
  close(): void;
}

/** `--db`, else $NEWSMINE_DB, else ./newsmine.db. */
export function resolveDbPath(option?: string): string {
  return resolve(option ?? process.env.NEWSMINE_DB ?? 'newsmine.db');
}

export interface OpenOptions {
  /** Refuse to create a new file (query commands on a mistyped path). */
  mustExist?: boolean;
  readonly?: boolean;
}

/** Opens (creating if needed) the database and brings its schema up to date. */
export function openStore(path?: string, opts: OpenOptions = {}): Store {
  const file = resolveDbPath(path);
  if (opts.mustExist && !existsSync(file)) {
    throw new UserError(`no database at ${file} (run \`newsmine ingest\` or \`newsmine crawl\` first, or pass --db)`);
  }
  if (!existsSync(dirname(file))) mkdirSync(dirname(file), { recursive: true });
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: opts.readonly ?? false, fileMustExist: opts.mustExist ?? false });
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // Concurrent writers (a scheduled crawl and a manual ingest) wait instead of failing.
    db.pragma('busy_timeout = 10000');
    db.pragma('synchronous = NORMAL');
  } catch (e) {
    throw new UserError(`cannot open database ${file}: ${(e as Error).message}`);
  }
  if (!opts.readonly) migrate(db, file);
  else if ((db.pragma('user_version', { simple: true }) as number) < MIGRATIONS.length) {
    // Readers expect the current schema (search names its indexes): upgrade once, then read.
    db.close();
    try {
      openStore(file, { mustExist: true }).close();
    } catch (e) {
      throw new UserError(`database ${file} has an older schema and could not be upgraded: ${(e as Error).message}`);
    }
    return openStore(file, opts);
  }
  return { db, path: file, close: () => db.close() };
}

export function migrate(db: Database.Database, file = ''): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new UserError(`database ${file} has schema version ${current}, newer than this newsmine knows (${MIGRATIONS.length}); upgrade newsmine`);
  }
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

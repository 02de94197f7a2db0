import type { Store } from './db.ts';

/**
 * Groups many per-article writes into one commit. Each `ingestArticle` keeps its own
 * transaction, which inside an open one becomes a savepoint: an article still goes in
 * whole or not at all, but the commit (the costly part: flushing both search indexes
 * to disk) is paid once per batch. A crash loses at most the open batch, and re-running
 * an idempotent ingest puts it back.
 */
export function batchWriter(store: Store, size = 200) {
  let pending = 0;
  const flush = () => {
    if (store.db.inTransaction) store.db.exec('COMMIT');
    pending = 0;
  };
  return {
    run<T>(write: () => T): T {
      if (!store.db.inTransaction) store.db.exec('BEGIN');
      try {
        return write();
      } finally {
        if (++pending >= size) flush();
      }
    },
    flush,
  };
}

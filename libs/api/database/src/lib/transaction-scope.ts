import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';

const current = new AsyncLocalStorage<EntityManager>();

/**
 * Runs `work` in one transaction that every `queryable(db)` call inside it joins, however deep
 * (repositories never pass a transaction around by hand). A command and its audit row commit
 * or roll back together. Nested calls join the outer transaction.
 */
export async function inTransaction<T>(db: DataSource, work: () => Promise<T>): Promise<T> {
  if (current.getStore()) return work();
  return db.transaction((manager) => current.run(manager, work));
}

/** The caller's transaction when there is one, else the pool: what repositories query through. */
export function queryable(db: DataSource): DataSource | EntityManager {
  return current.getStore() ?? db;
}

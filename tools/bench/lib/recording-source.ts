import type { DataSource } from 'typeorm';
import type { Query } from './list-query';

/**
 * A stand-in for a DataSource that forwards every query to `db` and keeps what was sent, so a
 * bench can EXPLAIN the exact statement a repository or writer built. Enough for classes that
 * only call `queryable(db).query(...)` outside a transaction, which is all the audit ones do.
 */
export function recordingSource(db: DataSource): { source: DataSource; sent: Query[] } {
  const sent: Query[] = [];
  const source = {
    query: (text: string, values: unknown[] = []) => {
      sent.push({ text, values });
      return db.query(text, values);
    },
  };
  return { source: source as unknown as DataSource, sent };
}

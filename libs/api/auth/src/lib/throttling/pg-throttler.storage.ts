import type { ThrottlerStorage } from '@nestjs/throttler';
import { queryable } from '@waypoint/api-database';
import type { DataSource } from 'typeorm';

type StorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * Fixed-window counters in PostgreSQL: one upsert per throttled request, atomic under
 * concurrency, and the same count seen by every API replica.
 */
export class PgThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly db: DataSource) {}

  async increment(key: string, ttl: number, limit: number): Promise<StorageRecord> {
    const [row] = await queryable(this.db).query(
      `INSERT INTO rate_limits AS r (key, hits, expires_at) VALUES ($1, 1, now() + $2 * interval '1 millisecond')
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN r.expires_at <= now() THEN 1 ELSE r.hits + 1 END,
         expires_at = CASE WHEN r.expires_at <= now() THEN excluded.expires_at ELSE r.expires_at END
       RETURNING hits, ceil(extract(epoch FROM expires_at - now()))::int AS seconds`,
      [key.slice(0, 300), ttl],
    );
    // Sweep expired counters now and then, so the table stays small without a scheduled job.
    if (Math.random() < 0.01) await queryable(this.db).query(`DELETE FROM rate_limits WHERE expires_at < now()`);
    const seconds = Math.max(0, Number(row.seconds));
    const blocked = row.hits > limit;
    return { totalHits: row.hits, timeToExpire: seconds, isBlocked: blocked, timeToBlockExpire: blocked ? seconds : 0 };
  }
}

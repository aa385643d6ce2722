import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@waypoint/api-config';
import { loggableError } from '@waypoint/api-http';
import type { DataSource } from 'typeorm';
import { AuditChainService } from './audit-chain.service';

/** One lock id for the job across every replica (an arbitrary constant). */
const MAINTENANCE_LOCK = 7_042_031;
const MONTHS_AHEAD = 3;

/**
 * The trail's scheduled job, coordinated through PostgreSQL so any number of replicas can run
 * it: whoever takes the advisory lock creates the next months' partitions, verifies the chain
 * from the last checkpoint (logging the new head), and drops whole months past the retention
 * period once verified. The others skip that round.
 */
@Injectable()
export class AuditMaintenance implements OnApplicationBootstrap, OnModuleDestroy {
  readonly #logger = new Logger('AuditMaintenance');
  #timer?: NodeJS.Timeout;
  #running?: Promise<void>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly chain: AuditChainService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    // Partitions for the coming months before the first request; the rest in the background.
    this.#running = this.runOnce();
    this.#timer = setInterval(() => {
      this.#running = this.runOnce();
    }, this.config.audit.maintenanceMinutes * 60_000);
    this.#timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.#timer);
    await this.#running;
  }

  /** One round; never throws (a failure is logged and retried next round). */
  async runOnce(): Promise<void> {
    const runner = this.db.createQueryRunner();
    try {
      await runner.connect();
      const [{ locked }] = await runner.query(`SELECT pg_try_advisory_lock($1) AS locked`, [MAINTENANCE_LOCK]);
      if (!locked) return;
      try {
        await runner.query(`SELECT audit_ensure_partitions($1)`, [MONTHS_AHEAD]);
        await this.chain.verify(true);
        await this.#dropExpired(runner.query.bind(runner));
      } finally {
        await runner.query(`SELECT pg_advisory_unlock($1)`, [MAINTENANCE_LOCK]);
      }
    } catch (error) {
      this.#logger.error({ err: loggableError(error) }, 'audit maintenance failed; retrying next round');
    } finally {
      await runner.release();
    }
  }

  async #dropExpired(query: (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>): Promise<void> {
    const keep = this.config.audit.retentionMonths;
    const expired = await query(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'audit_events'::regclass
          AND (to_date(right(c.relname, 7), 'YYYY_MM') + interval '1 month') <= (now() AT TIME ZONE 'UTC') - make_interval(months => $1)
        ORDER BY c.relname`,
      [keep],
    );
    for (const { name } of expired) {
      await query(`SELECT audit_drop_partition($1, $2)`, [name, keep]);
      this.#logger.warn({ auditRetention: { dropped: name, keepMonths: keep } }, 'audit partition dropped after retention');
    }
  }
}

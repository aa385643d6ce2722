import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  ServiceUnavailableException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { queryable, withErrorListener } from '@waypoint/api-database';
import { loggableError } from '@waypoint/api-http';
import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { AuditContext } from './audit-context';
import type { AuditEvent } from './audit-event';

/** An event with the request details it was recorded under. */
interface PendingEvent extends AuditEvent {
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
}

/** Reads are written in batches at most this often (and at once when a batch is full). */
export const READ_FLUSH_MS = 20;
const BATCH_SIZE = 500;
/** Past this many unwritten events the trail is not keeping up: audited reads are refused. */
const MAX_PENDING = 20_000;

/**
 * Appends events to the trail. The chain hash, the id and the time come from PostgreSQL;
 * request id, address and user agent from the request context.
 *
 * Two paths, one table:
 * - `write()` is synchronous and joins the caller's transaction: changes, security events,
 *   break-glass and exports, so a change and its row commit together.
 * - `enqueue()` is for reads: events are batched (one multi-row insert, one commit, every
 *   {@link READ_FLUSH_MS} ms) instead of one synchronous commit per read, which measured at
 *   0.15× the throughput of an unaudited read. The cost is a bounded window: a crash of the
 *   process can lose at most the last few milliseconds of read events; shutdown flushes, and
 *   if the database cannot take them the backlog is capped and reads are refused (fail closed).
 */
@Injectable()
export class AuditWriter implements BeforeApplicationShutdown, OnApplicationShutdown {
  readonly #logger = new Logger('AuditWriter');
  #pending: PendingEvent[] = [];
  #timer?: NodeJS.Timeout;
  #flushing?: Promise<void>;
  /** After shutdown nothing retries (the pool is gone); what is left is reported as lost. */
  #closed = false;
  /**
   * The read batches' own connection. From the shared pool, a batch waited in line behind the
   * very reads it records: at 50 concurrent caseload requests the trail fell behind and reads
   * were refused (503), while the trail's own work was a fraction of a core. One connection is
   * enough (batches are written one at a time, in order) and never queues behind requests.
   */
  #batchPool?: Pool;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async write(events: readonly AuditEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.#insert(queryable(this.db), events.map(withRequest), 'row trigger');
  }

  /** Records read events without waiting for their commit (see the class comment). */
  enqueue(events: readonly AuditEvent[]): void {
    if (events.length === 0) return;
    if (this.#pending.length + events.length > MAX_PENDING) {
      throw new ServiceUnavailableException('The audit trail is not keeping up, so reads are paused. Try again in a moment.');
    }
    this.#pending.push(...events.map(withRequest));
    if (this.#pending.length >= BATCH_SIZE) void this.flush();
    else this.#schedule(READ_FLUSH_MS);
  }

  /** Writes every queued read event (reports call this first, so they read their own writes). */
  async flush(): Promise<void> {
    // Wait for a flush in progress; its failure is handled by the flush that owns it. (Never
    // rethrow here: enqueue() and the timer call flush() without awaiting it.)
    while (this.#flushing) await this.#flushing.catch(() => undefined);
    clearTimeout(this.#timer);
    this.#timer = undefined;
    while (this.#pending.length > 0) {
      const batch = this.#pending.splice(0, BATCH_SIZE);
      this.#flushing = this.#insert(this.#batchTarget(), batch, 'append').finally(() => (this.#flushing = undefined));
      try {
        await this.#flushing;
      } catch (error) {
        // Keep them, in order, and try again shortly; the cap in enqueue() bounds the backlog.
        this.#pending.unshift(...batch);
        this.#logger.error({ err: loggableError(error), pending: this.#pending.length }, 'audit events could not be written; retrying');
        if (!this.#closed) this.#schedule(1000);
        return;
      }
    }
  }

  /** While the pool is surely open: write what is queued. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.flush();
  }

  /** Requests that finished while the server closed may have queued a few more. */
  async onApplicationShutdown(): Promise<void> {
    await this.flush();
    this.#closed = true;
    clearTimeout(this.#timer);
    await this.#batchPool?.end();
    if (this.#pending.length > 0) this.#logger.error({ lost: this.#pending.length }, 'audit events still unwritten at shutdown');
  }

  // Unref'd: a pending flush never keeps a finished process alive (shutdown flushes anyway).
  #schedule(ms: number): void {
    if (this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.flush();
    }, ms);
    this.#timer.unref();
  }

  /** The dedicated one-connection pool, with the app pool's settings (same role, same timeouts). */
  #batchTarget(): DataSource | Pool {
    if (this.#closed) return this.db;
    const shared = (this.db.driver as unknown as { master?: Pool } | undefined)?.master;
    if (!shared) return this.db;
    // Its own error listener: a restart terminating the idle connection must not end the process.
    this.#batchPool ??= withErrorListener(new Pool({ ...shared.options, max: 1 }));
    return this.#batchPool;
  }

  /**
   * Both ways give the same chain (migration AuditAppend). A read batch goes through
   * `audit_append`, which chains it set-wise (about a quarter less database time per row); the
   * one or two rows of a change go through the row trigger, which costs less for a single row
   * than a function call (0.24 against 0.45 ms in `bench:audit`'s EXPLAIN).
   */
  async #insert(target: { query(sql: string, values: unknown[]): Promise<unknown> }, events: readonly PendingEvent[], chainedBy: 'append' | 'row trigger'): Promise<void> {
    const column = <K extends keyof PendingEvent>(key: K) => events.map((event) => event[key] ?? null);
    const arrays = `$1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[]`;
    await target.query(
      chainedBy === 'append'
        ? `SELECT audit_append(${arrays})`
        : `INSERT INTO audit_events (program_id, actor_id, actor_role, action, resource_type, resource_id, participant_id,
                                   outcome, request_id, ip, user_agent, reason)
           SELECT * FROM unnest(${arrays})`,
      [
        column('programId'),
        column('actorId'),
        column('actorRole'),
        column('action'),
        column('resourceType'),
        column('resourceId'),
        column('participantId'),
        column('outcome'),
        column('requestId'),
        column('ip'),
        column('userAgent'),
        column('reason'),
      ],
    );
  }
}

function withRequest(event: AuditEvent): PendingEvent {
  const request = AuditContext.current() ?? {};
  return { ...event, requestId: request.requestId ?? null, ip: request.ip ?? null, userAgent: request.userAgent ?? null };
}

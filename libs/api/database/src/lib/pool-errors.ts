import { Logger } from '@nestjs/common';
import type { Pool } from 'pg';

const logger = new Logger('DatabasePool');
let shuttingDown = false;

/**
 * The process is stopping: lost connections are expected from now on and not worth a line.
 * (Ctrl-C in a terminal signals the embedded PostgreSQL too, which then terminates every idle
 * connection while the API is still closing.)
 */
export function expectDatabaseShutdown(): void {
  shuttingDown = true;
}

/**
 * Logs an error a pool raises for one of its idle connections: the server restarted, failed
 * over or terminated that backend. The pool has already dropped the connection and opens a new
 * one when asked, so there is nothing more to do. Code and message only (never the client).
 */
export function logPoolError(error: Error & { code?: string }): void {
  if (shuttingDown) return;
  logger.warn({ database: { code: error.code, message: error.message } }, 'an idle database connection was lost; the pool replaces it');
}

/**
 * Every pool must have an `'error'` listener: without one, an idle connection's "terminating
 * connection" is an unhandled `'error'` event and takes the whole process down (and with it the
 * embedded PostgreSQL, whose exit hook stops the server). A workspace check
 * (tools/workspace-checks/src/pool-error-listeners.spec.ts) fails on a pool created without one.
 */
export function withErrorListener<T extends Pool>(pool: T, onError: (error: Error & { code?: string }) => void = logPoolError): T {
  pool.on('error', onError);
  return pool;
}

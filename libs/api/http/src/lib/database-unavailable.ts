import { QueryFailedError } from 'typeorm';

/**
 * Whether an error means "the database cannot be reached right now" (restarting, failing over,
 * stalled, out of connections) rather than "this request is wrong" or "the code is broken".
 * Such a request may succeed unchanged a few seconds later, so it is answered 503 with
 * Retry-After instead of 500, and logged by its code and message only (a QueryFailedError also
 * carries the statement's parameters, which may be names or notes).
 */
export interface DatabaseUnavailable {
  /** The SQLSTATE or Node error code, when there is one. */
  code?: string;
  message: string;
}

/** Node socket and DNS failures. ENOTFOUND/EAI_AGAIN count too: a bad host name fails start-up
 * (the pool connects before listening), so at run time they are a DNS or container-network blip. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs of a server that is going away or full: admin/crash shutdown and "starting up or
 * shutting down" (57P01–57P03), class 08 (connection exception), too many connections (53300).
 */
function unavailableSqlState(code: string): boolean {
  return code === '57P01' || code === '57P02' || code === '57P03' || code === '53300' || /^08[0-9A-Z]{3}$/.test(code);
}

/**
 * Messages node-postgres and pg-pool raise without a code: the socket closed under a client
 * ("Connection terminated", "… unexpectedly", "… due to connection timeout"), a client that saw
 * such an error ("… is not queryable"), the pool's acquire timeout, and the client-side query
 * timeout (`query_timeout`).
 */
const DRIVER_MESSAGES = [
  /^Connection terminated\b/,
  /^Client has encountered a connection error and is not queryable$/,
  /^Client was closed and is not queryable$/,
  /^timeout exceeded when trying to connect$/,
  /^Query read timeout$/,
];

export function databaseUnavailable(error: unknown): DatabaseUnavailable | undefined {
  // TypeORM wraps a failed query (QueryFailedError.driverError); a refused connect arrives as
  // pg's own error, or as an AggregateError of one per address (localhost is ::1 and 127.0.0.1).
  for (const candidate of causes(error)) {
    const { code, message } = candidate as { code?: unknown; message?: unknown };
    const text = typeof message === 'string' ? message : '';
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || unavailableSqlState(code))) return { code, message: text };
    if (DRIVER_MESSAGES.some((pattern) => pattern.test(text))) return { message: text };
  }
  return undefined;
}

/** The error, what it wraps, and the errors it aggregates, a few levels deep. */
function causes(error: unknown, depth = 0): unknown[] {
  if (!error || typeof error !== 'object' || depth > 3) return [];
  const found: unknown[] = [error];
  if (error instanceof QueryFailedError) found.push(...causes(error.driverError, depth + 1));
  const { cause, errors } = error as { cause?: unknown; errors?: unknown };
  if (cause) found.push(...causes(cause, depth + 1));
  if (Array.isArray(errors)) for (const each of errors) found.push(...causes(each, depth + 1));
  return found;
}

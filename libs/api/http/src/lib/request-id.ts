import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;
export const REQUEST_ID_HEADER = 'X-Request-Id';

/**
 * Reuses a well-formed request id from a load balancer so one id follows a request through
 * every hop; anything else is replaced (never trust a header into the logs unchecked).
 */
export function assignRequestId(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

/**
 * Runs first, before body parsing, so even a malformed-JSON problem carries the request id;
 * the logger then reuses `req.id` instead of making another.
 */
export function requestIdMiddleware(req: IncomingMessage & { id?: unknown }, res: ServerResponse, next: () => void): void {
  req.id = assignRequestId(req, res);
  next();
}

export function existingOrNewRequestId(req: IncomingMessage & { id?: unknown }, res: ServerResponse): string {
  return typeof req.id === 'string' ? req.id : assignRequestId(req, res);
}

/** The id `requestIdMiddleware` gave this request, if it ran. */
export function requestIdOf(req: object): string | undefined {
  const id = (req as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}

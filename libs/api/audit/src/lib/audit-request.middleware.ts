import type { NextFunction, Request, Response } from 'express';
import { AuditContext } from './audit-context';

/**
 * Puts the request's id, address and user agent where every audit write finds them, for the
 * whole of the request (the interceptor, services and security events alike).
 */
export function auditRequestMiddleware(req: Request & { id?: unknown }, _res: Response, next: NextFunction): void {
  const userAgent = req.headers['user-agent'];
  AuditContext.run(
    {
      requestId: typeof req.id === 'string' ? req.id.slice(0, 64) : undefined,
      ip: req.ip?.slice(0, 64),
      userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 300) : undefined,
    },
    next,
  );
}

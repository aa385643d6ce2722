import { ProblemType } from '@waypoint/shared-contracts';
import type { NextFunction, Request, Response } from 'express';
import { sendProblem } from './problem';
import { requestIdOf } from './request-id';

/**
 * Refuses a path whose percent-encoding is broken (`%E0%A4%A`, or the UTF-8 of a lone
 * surrogate) before routing. The router would otherwise throw "Failed to decode param
 * '<the path>'", which Nest turns into a 400 that quotes the request back.
 */
export function pathEncoding(req: Request, res: Response, next: NextFunction): void {
  try {
    decodeURIComponent(req.path);
  } catch {
    sendProblem(res, {
      type: ProblemType.badRequest,
      title: 'Bad request',
      status: 400,
      detail: 'The request path is not valid percent-encoded UTF-8.',
      requestId: requestIdOf(req),
    });
    return;
  }
  next();
}

import { PROBLEM_CONTENT_TYPE, ProblemType } from '@waypoint/shared-contracts';
import type { NextFunction, Request, Response } from 'express';
import { sendProblem } from './problem';
import { requestIdOf } from './request-id';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The API speaks JSON only. A body of another type would otherwise be ignored silently and
 * the request fail validation with a confusing message; say what is wrong instead (415).
 */
export function jsonOnly(req: Request, res: Response, next: NextFunction): void {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (!BODY_METHODS.has(req.method) || !hasBody || req.is(['application/json', 'application/*+json'])) {
    next();
    return;
  }
  sendProblem(res, {
    type: ProblemType.unsupportedMediaType,
    title: 'Unsupported media type',
    status: 415,
    detail: `Send the request body as application/json (problems come back as ${PROBLEM_CONTENT_TYPE}).`,
    requestId: requestIdOf(req),
  });
}

/**
 * Right after the JSON parser: Nest turns the parser's SyntaxError into a 400 whose detail is
 * the parser's own message, which quotes the request's bytes back. Passed on as a plain
 * error with body-parser's status and type instead, it gets the problem mapping's fixed
 * sentence ("The request body is not valid JSON.").
 */
export function jsonParseErrors(error: unknown, _req: Request, _res: Response, next: NextFunction): void {
  const parseError = error as { status?: number; type?: string } | null;
  if (error instanceof SyntaxError && parseError?.type === 'entity.parse.failed') {
    next(Object.assign(new Error('The request body is not valid JSON.'), { status: 400, type: 'entity.parse.failed', expose: true }));
    return;
  }
  next(error);
}

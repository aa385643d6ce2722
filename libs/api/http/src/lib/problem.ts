import { PROBLEM_CONTENT_TYPE, type ProblemDetails, ProblemType } from '@waypoint/shared-contracts';
import type { Response } from 'express';

const TYPE_BY_STATUS: Record<number, string> = {
  400: ProblemType.badRequest,
  401: ProblemType.unauthorized,
  403: ProblemType.forbidden,
  404: ProblemType.notFound,
  409: ProblemType.conflict,
  413: ProblemType.payloadTooLarge,
  415: ProblemType.unsupportedMediaType,
  422: ProblemType.validation,
  429: ProblemType.tooManyRequests,
  503: ProblemType.serviceUnavailable,
};

const TITLE_BY_STATUS: Record<number, string> = {
  400: 'Bad request',
  401: 'Sign-in required',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Request body too large',
  415: 'Unsupported media type',
  422: 'Invalid request',
  429: 'Too many requests',
  500: 'Something went wrong',
  503: 'Service unavailable',
};

export function problemTypeFor(status: number): string {
  return TYPE_BY_STATUS[status] ?? (status >= 500 ? ProblemType.internal : ProblemType.badRequest);
}

export function problemTitleFor(status: number): string {
  return TITLE_BY_STATUS[status] ?? (status >= 500 ? 'Something went wrong' : 'Request failed');
}

/** Writes one problem response; the only way an error leaves the API. */
export function sendProblem(res: Response, problem: ProblemDetails): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.status(problem.status).type(PROBLEM_CONTENT_TYPE).setHeader('Cache-Control', 'no-store');
  res.send(JSON.stringify(problem));
}

import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { databaseUnavailable } from './database-unavailable';
import { errorToProblem } from './error-to-problem';
import { loggableError } from './loggable-error';
import { sendProblem } from './problem';
import { requestIdOf } from './request-id';

/** A database restart or failover takes a few seconds; the next try is likely to succeed. */
export const RETRY_AFTER_SECONDS = 2;

/**
 * The global exception filter: every error leaves as `application/problem+json`, with the
 * request id and never a stack trace. Server errors are logged with the stack (no bodies, no
 * query parameters).
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const requestId = requestIdOf(request);
    const problem = errorToProblem(exception, requestId);
    const outage = databaseUnavailable(exception);
    if (outage) {
      // Code and message only: the error object would log the statement's parameters.
      this.logger.warn({ requestId, database: outage }, 'Database unavailable');
    } else if (problem.status >= 500) {
      // loggableError: never the statement's parameters or PostgreSQL's detail (PHI).
      this.logger.error({ err: loggableError(exception), requestId }, 'Request failed');
    }
    // Every 503 is worth retrying unchanged (database restarting, statement timeout, audit
    // backlog): say when, so clients back off instead of hammering or giving up.
    if (problem.status === 503 && !response.headersSent && !response.getHeader('Retry-After')) {
      response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    }
    sendProblem(response, problem);
  }
}

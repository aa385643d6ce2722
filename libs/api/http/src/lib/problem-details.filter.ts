import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { errorToProblem } from './error-to-problem';
import { sendProblem } from './problem';
import { requestIdOf } from './request-id';

/**
 * The global exception filter: every error leaves as `application/problem+json`, with the
 * request id and never a stack trace. Server errors are logged with the stack (no bodies).
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
    if (problem.status >= 500) {
      this.logger.error({ err: exception, requestId }, 'Request failed');
    }
    sendProblem(response, problem);
  }
}

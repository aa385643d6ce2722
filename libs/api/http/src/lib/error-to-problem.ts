import { HttpException } from '@nestjs/common';
import { type ProblemDetails, ProblemType } from '@waypoint/shared-contracts';
import { QueryFailedError } from 'typeorm';
import { databaseUnavailable } from './database-unavailable';
import { problemTitleFor, problemTypeFor } from './problem';
import { ProblemException } from './problem.exception';
import { ValidationProblemException } from './validation-problem.exception';

/** Errors raised by body-parser and other `http-errors` users (malformed JSON, too large…). */
interface HttpErrorLike {
  status: number;
  type?: string;
  expose?: boolean;
}

/** PostgreSQL error codes that mean "the input was wrong", not "the server broke". */
const PG_CLIENT_ERRORS: Record<string, { status: number; detail: string }> = {
  '22P02': { status: 400, detail: 'A value has the wrong format.' },
  '22007': { status: 400, detail: 'A date or time is not valid.' },
  '22008': { status: 400, detail: 'A date or time is out of range.' },
  '22001': { status: 400, detail: 'A value is too long.' },
  '23514': { status: 400, detail: 'A value is not allowed.' },
  '23502': { status: 400, detail: 'A required value is missing.' },
  '23505': { status: 409, detail: 'This record already exists.' },
  '23503': { status: 409, detail: 'This record refers to, or is referred to by, another record.' },
  '40001': { status: 409, detail: 'The record changed while saving; try again.' },
  '57014': { status: 503, detail: 'The database took too long to answer; try again.' },
};

/**
 * Maps anything thrown while handling a request to a problem. Unknown errors become a
 * generic 500 without detail: the message may hold internals, and the log has the rest.
 */
export function errorToProblem(error: unknown, requestId?: string): ProblemDetails {
  const problem = classify(error);
  return requestId ? { ...problem, requestId } : problem;
}

function classify(error: unknown): ProblemDetails {
  if (error instanceof ValidationProblemException) {
    return {
      type: ProblemType.validation,
      title: 'Invalid request',
      status: 400,
      detail: 'One or more fields are invalid.',
      errors: error.fieldErrors,
    };
  }
  if (error instanceof ProblemException) {
    const status = error.getStatus();
    // Extensions first: they may not overwrite the standard members.
    return { ...error.extensions, type: error.problemType ?? problemTypeFor(status), title: problemTitleFor(status), status, detail: detailOf(error, status) };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    return { type: problemTypeFor(status), title: problemTitleFor(status), status, detail: detailOf(error, status) };
  }
  if (isHttpErrorLike(error)) return fromHttpError(error);
  // Before the SQLSTATE table: a lost or refused connection is "try again", never a 500.
  if (databaseUnavailable(error)) {
    return { type: problemTypeFor(503), title: problemTitleFor(503), status: 503, detail: 'The database is not reachable right now; try again in a moment.' };
  }
  if (error instanceof QueryFailedError) {
    const code = (error.driverError as { code?: string } | undefined)?.code ?? '';
    const known = PG_CLIENT_ERRORS[code];
    if (known) {
      return { type: problemTypeFor(known.status), title: problemTitleFor(known.status), status: known.status, detail: known.detail };
    }
  }
  return { type: ProblemType.internal, title: problemTitleFor(500), status: 500, detail: 'The error was logged; quote the request id if you report it.' };
}

function detailOf(error: HttpException, status: number): string | undefined {
  // Our own 503s say why ("the database does not answer"); other 5xx texts may hold internals.
  if (status >= 500 && status !== 503) return undefined;
  const response = error.getResponse();
  const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : undefined;
}

function isHttpErrorLike(error: unknown): error is HttpErrorLike {
  const candidate = error as HttpErrorLike | null;
  return typeof candidate?.status === 'number' && candidate.status >= 400 && candidate.status < 500;
}

function fromHttpError(error: HttpErrorLike): ProblemDetails {
  const status = error.status;
  const detail =
    error.type === 'entity.parse.failed'
      ? 'The request body is not valid JSON.'
      : error.type === 'entity.too.large'
        ? 'The request body is larger than the API accepts.'
        : error.type === 'encoding.unsupported' || error.type === 'charset.unsupported'
          ? 'The request body uses an encoding the API does not accept.'
          : undefined;
  return { type: problemTypeFor(status), title: problemTitleFor(status), status, detail };
}

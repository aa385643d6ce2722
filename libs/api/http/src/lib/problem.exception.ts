import { HttpException } from '@nestjs/common';

/**
 * An error with a specific problem `type` and extension members (RFC 9457 §3.2), for answers a
 * client acts on: a possible duplicate with its candidates, a stale version with the current one.
 * Extensions must hold only what the caller may see; they go out as they are.
 */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    detail: string,
    readonly problemType?: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail, status);
  }
}

/** 409 for an update based on an old version: says which version is current. */
export function staleVersion(what: string, currentVersion: number): ProblemException {
  return new ProblemException(409, `This ${what} was changed by someone else (now version ${currentVersion}); reload and try again.`, undefined, {
    currentVersion,
  });
}

import { HttpErrorResponse } from '@angular/common/http';
import { isProblemDetails, PROBLEM_CONTENT_TYPE, ProblemDetails } from '@waypoint/shared-contracts';

/** An HTTP failure in words for the person using Waypoint. */
export interface HttpErrorDescription {
  title: string;
  detail?: string;
  /** The server's request id, so the user can quote it to support. */
  requestId?: string;
}

/**
 * The problem details of an error response, or null when the body is anything else
 * (an HTML page from a proxy, say), which we must not show to people as if it were ours.
 */
export function problemFromResponse(error: HttpErrorResponse): ProblemDetails | null {
  const contentType = error.headers?.get('content-type')?.toLowerCase() ?? '';
  if (!contentType.includes(PROBLEM_CONTENT_TYPE)) return null;
  const body: unknown = typeof error.error === 'string' ? parseJson(error.error) : error.error;
  return isProblemDetails(body) ? body : null;
}

/**
 * Describes a network failure (status 0) or a problem details response; null for anything
 * else, so each caller decides its own fallback.
 */
export function describeHttpError(error: HttpErrorResponse): HttpErrorDescription | null {
  if (error.status === 0) {
    return { title: $localize`:Shown when the browser gets no response at all:Cannot reach Waypoint. Check your connection.` };
  }
  const problem = problemFromResponse(error);
  if (!problem) return null;
  return { title: problem.title, detail: problem.detail, requestId: problem.requestId };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

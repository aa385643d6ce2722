/**
 * RFC 9457 problem details, the one error shape every API response uses.
 * `type` is a stable URI-reference clients may branch on; `title` and `detail` are for people.
 */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** The request id, so a user can quote it to support and it can be found in the logs. */
  requestId?: string;
  /** Per-field messages for validation problems, keyed by the dotted field path. */
  errors?: Record<string, string[]>;
  /** Extension members of specific problem types (e.g. `currentVersion` on a stale update). */
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Stable problem types. Relative URIs, resolved against the API's base; never change a value. */
export const ProblemType = {
  validation: '/problems/validation',
  notFound: '/problems/not-found',
  unauthorized: '/problems/unauthorized',
  forbidden: '/problems/forbidden',
  conflict: '/problems/conflict',
  possibleDuplicate: '/problems/possible-duplicate',
  payloadTooLarge: '/problems/payload-too-large',
  unsupportedMediaType: '/problems/unsupported-media-type',
  tooManyRequests: '/problems/too-many-requests',
  badRequest: '/problems/bad-request',
  serviceUnavailable: '/problems/service-unavailable',
  internal: '/problems/internal',
} as const;

export type ProblemTypeUri = (typeof ProblemType)[keyof typeof ProblemType];

/** Whether a parsed response body is a problem details object. */
export function isProblemDetails(value: unknown): value is ProblemDetails {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate['type'] === 'string' &&
    typeof candidate['title'] === 'string' &&
    typeof candidate['status'] === 'number'
  );
}

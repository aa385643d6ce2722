import { HttpErrorResponse } from '@angular/common/http';
import { ProblemType } from '@waypoint/shared-contracts';
import { problemFromResponse } from '@waypoint/web-core';
import type { DuplicateCandidate } from './participant-intake.models';

/** The possible duplicates a refused intake names (409 possible-duplicate), or null for any other error. */
export function duplicateCandidatesFrom(error: unknown): DuplicateCandidate[] | null {
  if (!(error instanceof HttpErrorResponse) || error.status !== 409) return null;
  const problem = problemFromResponse(error);
  if (problem?.type !== ProblemType.possibleDuplicate) return null;
  return Array.isArray(problem['candidates']) ? (problem['candidates'] as DuplicateCandidate[]) : [];
}

/** The per-field messages of a validation problem (400), keyed by field; empty for anything else. */
export function fieldErrorsFrom(error: unknown): Record<string, string[]> {
  if (!(error instanceof HttpErrorResponse) || error.status !== 400) return {};
  return problemFromResponse(error)?.errors ?? {};
}

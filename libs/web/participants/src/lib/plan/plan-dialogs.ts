import { HttpErrorResponse } from '@angular/common/http';
import type { AbstractControl, ValidationErrors } from '@angular/forms';
import { describeHttpError } from '@waypoint/web-core';
import type { Goal, GoalDimension } from '@waypoint/web-participant-data';

/** How a plan dialog ended: the goal as the API now has it, or its reason for refusing (409) so the page reloads. */
export type PlanDialogResult = { saved: Goal } | { conflict: string };

/** What every plan dialog is opened with. */
export interface PlanDialogData {
  participantId: string;
  /** The goal acted on; absent when adding one. */
  goal?: Goal;
  /** The dimension a new goal starts in (the card it was added from). */
  dimension?: GoalDimension;
  /** The signed-in person's time zone, for "today". */
  timeZone?: string | null;
}

/** The same size everywhere, and never wider than a phone. */
export const PLAN_DIALOG_SIZE = { width: '560px', maxWidth: 'calc(100vw - 32px)', autoFocus: 'first-tabbable' } as const;

/** The API's words for a failure, if it sent any. */
export function problemText(error: unknown): string | null {
  const described = error instanceof HttpErrorResponse ? describeHttpError(error) : null;
  return described?.detail ?? described?.title ?? null;
}

/** Text of only spaces is no text. */
export function blankIsMissing(control: AbstractControl<string>): ValidationErrors | null {
  return control.value && !control.value.trim() ? { required: true } : null;
}

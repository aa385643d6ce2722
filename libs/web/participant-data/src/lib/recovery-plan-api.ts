import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { withoutProblemSnackbar } from '@waypoint/web-core';
import type { Observable } from 'rxjs';
import type { Goal, GoalChanges, GoalStatusChange, GoalStepChanges, NewGoal, NewGoalProgress, RecoveryPlan } from './recovery-plan.models';

const API = '/api/v1';
const id = (value: string) => encodeURIComponent(value);
/** The plan page explains every failure itself (inline, or in its status line), so no snackbar. */
const quiet = () => ({ context: withoutProblemSnackbar() });

/**
 * A participant's recovery plan: goals, their steps and progress. The API applies the caller's
 * scope (404 outside it); every change answers with the whole goal as it now is.
 */
@Injectable({ providedIn: 'root' })
export class RecoveryPlanApi {
  readonly #http = inject(HttpClient);

  plan(participantId: string): Observable<RecoveryPlan> {
    return this.#http.get<RecoveryPlan>(`${API}/participants/${id(participantId)}/plan`, quiet());
  }

  createGoal(participantId: string, goal: NewGoal): Observable<Goal> {
    return this.#http.post<Goal>(`${API}/participants/${id(participantId)}/goals`, goal, quiet());
  }

  /** A stale `version` gets 409 with the `currentVersion`. */
  updateGoal(goalId: string, changes: GoalChanges): Observable<Goal> {
    return this.#http.patch<Goal>(`${API}/goals/${id(goalId)}`, changes, quiet());
  }

  /** A move GOAL_STATUS_TRANSITIONS does not allow, or a stale version, gets 409. */
  changeStatus(goalId: string, change: GoalStatusChange): Observable<Goal> {
    return this.#http.post<Goal>(`${API}/goals/${id(goalId)}/status`, change, quiet());
  }

  addStep(goalId: string, description: string): Observable<Goal> {
    return this.#http.post<Goal>(`${API}/goals/${id(goalId)}/steps`, { description }, quiet());
  }

  /** `stepIds` names every step of the goal once, in the new order. */
  reorderSteps(goalId: string, stepIds: readonly string[]): Observable<Goal> {
    return this.#http.post<Goal>(`${API}/goals/${id(goalId)}/steps/order`, { stepIds }, quiet());
  }

  /** Marks a step done or not done, or rewords it; a stale `version` gets 409. */
  updateStep(stepId: string, changes: GoalStepChanges): Observable<Goal> {
    return this.#http.patch<Goal>(`${API}/goal-steps/${id(stepId)}`, changes, quiet());
  }

  recordProgress(goalId: string, entry: NewGoalProgress): Observable<Goal> {
    return this.#http.post<Goal>(`${API}/goals/${id(goalId)}/progress`, entry, quiet());
  }
}

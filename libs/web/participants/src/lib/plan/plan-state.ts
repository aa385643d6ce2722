import { HttpErrorResponse } from '@angular/common/http';
import { type Signal, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import type { Goal, ParticipantRecord, RecoveryPlan } from '@waypoint/web-participant-data';
import { catchError, combineLatest, forkJoin, map, type Observable, of, startWith, switchMap } from 'rxjs';

export type PlanState =
  | { kind: 'loading' }
  | { kind: 'loaded'; participant: ParticipantRecord; goals: Goal[] }
  /** Out of scope and nonexistent are the same answer (404). */
  | { kind: 'not-found' }
  | { kind: 'failed' };

interface Sources {
  participant: (id: string) => Observable<ParticipantRecord>;
  plan: (id: string) => Observable<RecoveryPlan>;
}

/** Active goals first, then newest first: the order the API sends, kept after local changes. */
export function sortGoals(goals: readonly Goal[]): Goal[] {
  return [...goals].sort((a, b) => Number(b.status === 'active') - Number(a.status === 'active') || b.createdAt.localeCompare(a.createdAt));
}

/**
 * Loads the participant (for the heading) and their plan whenever the id changes (call from an
 * injection context). Changes answer with the whole goal, which `putGoal` puts in place;
 * `refresh()` re-reads the plan without a spinner, after someone else changed it.
 */
export function loadPlan(id: Signal<string>, sources: Sources) {
  const state = signal<PlanState>({ kind: 'loading' });
  const attempt = signal(0);
  combineLatest([toObservable(id), toObservable(attempt)])
    .pipe(
      switchMap(([participantId]) =>
        forkJoin({ participant: sources.participant(participantId), plan: sources.plan(participantId) }).pipe(
          map(({ participant, plan }): PlanState => ({ kind: 'loaded', participant, goals: sortGoals(plan.goals) })),
          catchError((error: unknown) =>
            of<PlanState>(error instanceof HttpErrorResponse && error.status === 404 ? { kind: 'not-found' } : { kind: 'failed' }),
          ),
          startWith<PlanState>({ kind: 'loading' }),
        ),
      ),
      takeUntilDestroyed(),
    )
    .subscribe((next) => state.set(next));

  const updateGoals = (change: (goals: Goal[]) => Goal[]) =>
    state.update((current) => (current.kind === 'loaded' ? { ...current, goals: sortGoals(change(current.goals)) } : current));

  return {
    state: state.asReadonly(),
    reload: () => attempt.update((n) => n + 1),
    /** Replaces the goal with the same id, or adds it when it is new. */
    putGoal: (goal: Goal) => updateGoals((goals) => (goals.some((g) => g.id === goal.id) ? goals.map((g) => (g.id === goal.id ? goal : g)) : [goal, ...goals])),
    /** Sets one step's done time in place (an optimistic tick, or taking it back). */
    setStepDone: (goalId: string, stepId: string, doneAt: string | null) =>
      updateGoals((goals) =>
        goals.map((g) => (g.id !== goalId ? g : { ...g, steps: g.steps.map((s) => (s.id === stepId ? { ...s, doneAt } : s)) })),
      ),
    refresh: () => {
      sources.plan(id()).subscribe({ next: (plan) => updateGoals(() => plan.goals), error: () => undefined });
    },
  };
}

/** Whether a change was refused because the goal moved on meanwhile (stale version, or a status move no longer allowed). */
export function isConflict(error: unknown): boolean {
  return error instanceof HttpErrorResponse && error.status === 409;
}

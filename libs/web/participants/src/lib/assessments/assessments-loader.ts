import { HttpErrorResponse } from '@angular/common/http';
import { type Signal, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import type { AssessmentRecord, ParticipantRecord } from '@waypoint/web-participant-data';
import { catchError, combineLatest, forkJoin, map, type Observable, of, startWith, switchMap } from 'rxjs';

export type AssessmentsState =
  | { kind: 'loading' }
  | { kind: 'loaded'; participant: ParticipantRecord; history: AssessmentRecord[]; truncated: boolean }
  /** Out of scope and nonexistent are the same answer (404). */
  | { kind: 'not-found' }
  | { kind: 'failed' };

interface Sources {
  participant: (id: string) => Observable<ParticipantRecord>;
  history: (id: string) => Observable<{ items: AssessmentRecord[]; truncated: boolean }>;
}

/**
 * Loads the participant (for the heading) and their assessment history together whenever the id
 * changes (call from an injection context); `reload()` asks again.
 */
export function loadAssessments(id: Signal<string>, sources: Sources) {
  const state = signal<AssessmentsState>({ kind: 'loading' });
  const attempt = signal(0);
  combineLatest([toObservable(id), toObservable(attempt)])
    .pipe(
      switchMap(([participantId]) =>
        forkJoin({ participant: sources.participant(participantId), history: sources.history(participantId) }).pipe(
          map(({ participant, history }): AssessmentsState => ({ kind: 'loaded', participant, history: history.items, truncated: history.truncated })),
          catchError((error: unknown) =>
            of<AssessmentsState>(error instanceof HttpErrorResponse && error.status === 404 ? { kind: 'not-found' } : { kind: 'failed' }),
          ),
          startWith<AssessmentsState>({ kind: 'loading' }),
        ),
      ),
      takeUntilDestroyed(),
    )
    .subscribe((next) => state.set(next));
  return { state: state.asReadonly(), reload: () => attempt.update((n) => n + 1) };
}

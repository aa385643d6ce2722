import { HttpErrorResponse } from '@angular/common/http';
import { type Signal, signal } from '@angular/core';
import { toObservable, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { catchError, combineLatest, map, type Observable, of, startWith, switchMap } from 'rxjs';
import type { ParticipantRecord } from '@waypoint/web-participant-data';

export type ParticipantState =
  | { kind: 'loading' }
  | { kind: 'loaded'; participant: ParticipantRecord }
  /** Out of scope and nonexistent are the same answer (404), so the page says the same. */
  | { kind: 'not-found' }
  | { kind: 'failed' };

/**
 * Loads the participant named by `id` with `fetch` whenever the id changes (call from an
 * injection context); `reload()` asks again, `replace()` shows a record a change returned.
 */
export function loadParticipant(id: Signal<string>, fetch: (id: string) => Observable<ParticipantRecord>) {
  const state = signal<ParticipantState>({ kind: 'loading' });
  const attempt = signal(0);
  // Both observables are made here, in the injection context toObservable needs.
  const request = combineLatest([toObservable(id), toObservable(attempt)]).pipe(
    switchMap(([participantId]) =>
      fetch(participantId).pipe(
        map((participant): ParticipantState => ({ kind: 'loaded', participant })),
        catchError((error: unknown) =>
          of<ParticipantState>(error instanceof HttpErrorResponse && error.status === 404 ? { kind: 'not-found' } : { kind: 'failed' }),
        ),
        startWith<ParticipantState>({ kind: 'loading' }),
      ),
    ),
  );
  request.pipe(takeUntilDestroyed()).subscribe((next) => state.set(next));
  return {
    state: state.asReadonly(),
    reload: () => attempt.update((n) => n + 1),
    replace: (participant: ParticipantRecord) => state.set({ kind: 'loaded', participant }),
  };
}

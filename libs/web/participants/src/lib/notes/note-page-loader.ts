import { HttpErrorResponse } from '@angular/common/http';
import { type Signal, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import type { BillingRule, Goal, NoteSettings, RecoveryPlan, SessionNote, SessionNotePage } from '@waypoint/web-participant-data';
import { catchError, combineLatest, forkJoin, map, type Observable, of, startWith, switchMap } from 'rxjs';

/** What the editor needs besides the note: the rule for live units, the goals to link, and the latest notes. */
export interface NoteEditorContext {
  /** Null when it could not be read: units then come from the API after each save. */
  rule: BillingRule | null;
  /** The program's format, topics and time zone; null when they could not be read (built-in defaults then). */
  settings: NoteSettings | null;
  /** The participant's active goals, to link. */
  goals: Goal[];
  /** Whether the goals could not be read (linking is then unavailable, writing is not). */
  goalsFailed: boolean;
  /** The newest notes: the last location, and the units already billed on a day. */
  recent: SessionNote[];
}

export type NotePageState =
  | { kind: 'loading' }
  /** A new note, or a draft of the caller's own. */
  | { kind: 'edit'; note: SessionNote | null; context: NoteEditorContext }
  /** Anything else: read it, with its signature and addenda. `goals` names the linked goals. */
  | { kind: 'view'; note: SessionNote; goals: Goal[] }
  | { kind: 'not-found' }
  | { kind: 'failed' };

export interface NotePageSources {
  note: (noteId: string) => Observable<SessionNote>;
  rule: () => Observable<BillingRule>;
  settings: () => Observable<NoteSettings>;
  plan: (participantId: string) => Observable<RecoveryPlan>;
  recent: (participantId: string) => Observable<SessionNotePage>;
  /** Whether the signed-in person may edit this note: a draft they wrote. */
  editable: (note: SessionNote) => boolean;
}

/** How many of the newest notes the editor reads for the day's units and the last location. */
export const RECENT_NOTES = 100;

/**
 * Loads a note page (call from an injection context): for a new note (no `noteId`) or an
 * editable draft, the editor's context too; for any other note, the goals it names.
 * The context is best effort: a part that fails leaves the editor usable without it.
 */
export function loadNotePage(participantId: Signal<string>, noteId: Signal<string | undefined>, sources: NotePageSources) {
  const state = signal<NotePageState>({ kind: 'loading' });
  const attempt = signal(0);

  const context = (id: string): Observable<NoteEditorContext> =>
    forkJoin({
      rule: sources.rule().pipe(catchError(() => of(null))),
      settings: sources.settings().pipe(catchError(() => of(null))),
      plan: sources.plan(id).pipe(catchError(() => of(null))),
      recent: sources.recent(id).pipe(
        map((page) => page.items),
        catchError(() => of([] as SessionNote[])),
      ),
    }).pipe(
      map(({ rule, settings, plan, recent }) => ({
        rule,
        settings,
        goals: plan?.goals.filter((goal) => goal.status === 'active') ?? [],
        goalsFailed: plan === null,
        recent,
      })),
    );

  combineLatest([toObservable(participantId), toObservable(noteId), toObservable(attempt)])
    .pipe(
      switchMap(([id, wanted]) => {
        const page: Observable<NotePageState> = !wanted
          ? context(id).pipe(map((loaded): NotePageState => ({ kind: 'edit', note: null, context: loaded })))
          : sources.note(wanted).pipe(
              switchMap((note) =>
                sources.editable(note)
                  ? context(id).pipe(map((loaded): NotePageState => ({ kind: 'edit', note, context: loaded })))
                  : sources.plan(id).pipe(
                      map((plan) => plan.goals),
                      catchError(() => of([] as Goal[])),
                      map((goals): NotePageState => ({ kind: 'view', note, goals })),
                    ),
              ),
            );
        return page.pipe(
          catchError((error: unknown) => of<NotePageState>(error instanceof HttpErrorResponse && error.status === 404 ? { kind: 'not-found' } : { kind: 'failed' })),
          startWith<NotePageState>({ kind: 'loading' }),
        );
      }),
      takeUntilDestroyed(),
    )
    .subscribe((next) => state.set(next));

  return {
    state: state.asReadonly(),
    reload: () => attempt.update((n) => n + 1),
    /** Shows a note as it now is, read-only (after signing, or an addendum). */
    show: (note: SessionNote, goals: Goal[]) => state.set({ kind: 'view', note, goals }),
  };
}

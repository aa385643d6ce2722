import { Location } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import { SessionStore } from '@waypoint/web-auth';
import { type GroupSession, type GroupSessionNote, NotesApi } from '@waypoint/web-participant-data';
import { DateTimePipe, EmptyState } from '@waypoint/web-ui';
import { catchError, combineLatest, map, type Observable, of, startWith, switchMap } from 'rxjs';
import { contactTypeLabel, modalityLabel } from '../notes/note-labels';
import { NoteStatusBadge } from '../notes/note-status-badge';
import { DailyCapReasonPipe } from '../notes/daily-cap-reason.pipe';

/** What the form hands this page in the navigation's state right after saving. */
export interface GroupSessionSavedState {
  /** How many draft notes the save made. */
  savedNotes: number;
}

type ResultState =
  { kind: 'loading' } | { kind: 'loaded'; session: GroupSession } | { kind: 'not-found' } | { kind: 'failed' };

/**
 * One group session (`/participants/group-sessions/:id`): its topic, time and facilitator, and
 * each attendee's note with where it stands and a link to it, where it is read back with the
 * participant and signed on its own. The API lists only the notes of participants the caller
 * reaches.
 */
@Component({
  selector: 'lib-group-session-result-page',
  imports: [RouterLink, MatButton, MatIcon, MatProgressSpinner, EmptyState, DateTimePipe, NoteStatusBadge, DailyCapReasonPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './group-session-result-page.html',
  styleUrl: './group-session-result-page.scss',
})
export class GroupSessionResultPage {
  readonly #notes = inject(NotesApi);
  readonly #session = inject(SessionStore);
  /** The route's `:id`. */
  readonly id = input.required<string>();

  protected readonly timeZone = computed(() => this.#session.user()?.timeZone ?? null);
  /** Said right after the form saved the session (and again on coming back, until a note moves on). */
  protected readonly saved = (inject(Location).getState() as GroupSessionSavedState | null)?.savedNotes ?? null;
  protected readonly canWrite = this.#session.can('participants:write');
  readonly #attempt = signal(0);
  protected readonly state = signal<ResultState>({ kind: 'loading' });

  constructor() {
    combineLatest([toObservable(this.id), toObservable(this.#attempt)])
      .pipe(
        switchMap(([id]) => this.#load(id)),
        takeUntilDestroyed(),
      )
      .subscribe((state) => this.state.set(state));
  }

  protected retry(): void {
    this.#attempt.update((n) => n + 1);
  }

  protected contact(note: GroupSessionNote): string {
    return `${contactTypeLabel(note.contactType)} · ${modalityLabel(note.modality)}`;
  }

  protected code(note: GroupSessionNote): string {
    return ['H0038', ...note.modifiers].join(' ');
  }

  protected link(note: GroupSessionNote): string[] {
    return ['/participants', note.participantId, 'notes', note.id];
  }

  /** Whether the signed-in person wrote the note and may still read it back and sign it. */
  protected toSign(note: GroupSessionNote): boolean {
    return note.status === 'draft' && note.authorId === this.#session.user()?.id && this.canWrite;
  }

  protected allDrafts(session: GroupSession): boolean {
    return session.notes.every((note) => note.status === 'draft');
  }

  protected minutes(session: GroupSession): number {
    return Math.round((Date.parse(session.endedAt) - Date.parse(session.startedAt)) / 60_000);
  }

  #load(id: string): Observable<ResultState> {
    return this.#notes.groupSession(id).pipe(
      map((session): ResultState => ({ kind: 'loaded', session })),
      catchError((error: unknown) =>
        of<ResultState>(error instanceof HttpErrorResponse && (error.status === 404 || error.status === 400) ? { kind: 'not-found' } : { kind: 'failed' }),
      ),
      startWith<ResultState>({ kind: 'loading' }),
    );
  }
}

import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { SessionStore } from '@waypoint/web-auth';
import { ParticipantCareApi, type ParticipantRecord, type SafetyEvent } from '@waypoint/web-participant-data';
import { catchError, combineLatest, distinctUntilChanged, map, of, startWith, switchMap } from 'rxjs';
import { CalendarDatePipe } from '../shared/calendar-date.pipe';
import { type RecordSafetyEventData, RecordSafetyEventDialog, type RecordSafetyEventResult } from './record-safety-event-dialog';
import { type RiskFlagData, RiskFlagDialog, type RiskFlagResult } from './risk-flag-dialog';
import { safetyKindIcon, safetyKindLabel } from './safety-labels';

type EventsState = { kind: 'loading' } | { kind: 'loaded'; items: SafetyEvent[] } | { kind: 'failed' };

/** Something the card did or could not do, for the page's live region. */
export interface CardNotice {
  text: string;
  problem?: boolean;
}

const DIALOG_SIZE = { width: '560px', maxWidth: 'calc(100vw - 32px)', autoFocus: 'first-tabbable' } as const;

/**
 * The participant's safety: the high-risk flag (raise with a reason, or clear) and the safety
 * events recorded for them, newest first. The participant record itself belongs to the page, so
 * a change to it goes out as `participantChanged` (or `stale` when someone else changed it first).
 */
@Component({
  selector: 'lib-safety-events-card',
  imports: [MatButton, MatIcon, MatProgressSpinner, CalendarDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './safety-events-card.html',
  styleUrl: './safety-events-card.scss',
})
export class SafetyEventsCard {
  readonly #api = inject(ParticipantCareApi);
  readonly #dialog = inject(MatDialog);
  readonly #session = inject(SessionStore);

  readonly participant = input.required<ParticipantRecord>();
  /** Whether the reader may record events and set the flag (`participants:write`). */
  readonly canWrite = input(false);
  readonly said = output<CardNotice>();
  readonly participantChanged = output<ParticipantRecord>();
  readonly stale = output<void>();

  readonly #attempt = signal(0);
  protected readonly state = signal<EventsState>({ kind: 'loading' });
  protected readonly kindLabel = safetyKindLabel;
  protected readonly kindIcon = safetyKindIcon;

  constructor() {
    // Keyed on the id: a new version of the same participant (after a flag change) is not a reason to read the events again.
    const id$ = toObservable(this.participant).pipe(
      map((participant) => participant.id),
      distinctUntilChanged(),
    );
    combineLatest([id$, toObservable(this.#attempt)])
      .pipe(
        switchMap(([id]) =>
          this.#api.safetyEvents(id).pipe(
            map((list): EventsState => ({ kind: 'loaded', items: list.items })),
            catchError(() => of<EventsState>({ kind: 'failed' })),
            startWith<EventsState>({ kind: 'loading' }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((state) => this.state.set(state));
  }

  protected retry(): void {
    this.#attempt.update((n) => n + 1);
  }

  protected record(): void {
    this.#dialog
      .open<RecordSafetyEventDialog, RecordSafetyEventData, RecordSafetyEventResult>(RecordSafetyEventDialog, {
        ...DIALOG_SIZE,
        data: { participantId: this.participant().id, timeZone: this.#session.user()?.timeZone },
      })
      .afterClosed()
      .subscribe((result) => {
        if (!result) return;
        const { recorded } = result;
        this.retry();
        // The answer carries the participant as they now are; the banner follows from it.
        if (recorded.participant) this.participantChanged.emit(recorded.participant);
        else this.stale.emit();
        this.said.emit({
          text: recorded.flagRaised
            ? $localize`Safety event recorded. The participant is now flagged high risk, and the team's supervisor has been told.`
            : $localize`Safety event recorded.`,
        });
      });
  }

  protected changeFlag(): void {
    const raising = !this.participant().highRisk;
    this.#dialog
      .open<RiskFlagDialog, RiskFlagData, RiskFlagResult>(RiskFlagDialog, { ...DIALOG_SIZE, data: { participant: this.participant() } })
      .afterClosed()
      .subscribe((result) => {
        if (!result) return;
        if ('saved' in result) {
          this.participantChanged.emit(result.saved);
          this.said.emit({ text: raising ? $localize`Flagged high risk. The team's supervisor has been told.` : $localize`High-risk flag cleared.` });
        } else {
          this.said.emit({ text: result.conflict, problem: true });
          this.stale.emit();
        }
      });
  }
}

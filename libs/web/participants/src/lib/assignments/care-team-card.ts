import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { SessionStore } from '@waypoint/web-auth';
import { type CareAssignment, ParticipantCareApi } from '@waypoint/web-participant-data';
import { catchError, combineLatest, map, of, startWith, switchMap } from 'rxjs';
import type { CardNotice } from '../safety/safety-events-card';
import { CalendarDatePipe } from '../shared/calendar-date.pipe';
import { type AssignData, AssignDialog, type AssignResult } from './assign-dialog';

type AssignmentsState = { kind: 'loading' } | { kind: 'loaded'; items: CareAssignment[] } | { kind: 'failed' };

/**
 * Who carries the participant: the primary specialist and any secondary ones today, a transfer
 * already scheduled, and (on request) the whole history. Supervisors and admins assign here.
 */
@Component({
  selector: 'lib-care-team-card',
  imports: [MatButton, MatIcon, MatProgressSpinner, CalendarDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './care-team-card.html',
  styleUrl: './care-team-card.scss',
})
export class CareTeamCard {
  readonly #api = inject(ParticipantCareApi);
  readonly #dialog = inject(MatDialog);
  readonly #session = inject(SessionStore);

  readonly participantId = input.required<string>();
  /** Whether the reader may assign and transfer (`participants:assign`). */
  readonly canAssign = input(false);
  readonly said = output<CardNotice>();

  readonly #attempt = signal(0);
  protected readonly state = signal<AssignmentsState>({ kind: 'loading' });
  /** Whether the full history is shown. */
  protected readonly historyShown = signal(false);

  protected readonly assignments = computed(() => {
    const state = this.state();
    return state.kind === 'loaded' ? state.items : [];
  });
  protected readonly primary = computed(() => this.assignments().find((a) => a.current && a.kind === 'primary') ?? null);
  protected readonly secondaries = computed(() => this.assignments().filter((a) => a.current && a.kind === 'secondary'));
  /** Assignments that start later (a transfer on a future date), soonest first. */
  protected readonly scheduled = computed(() =>
    this.assignments()
      .filter((a) => !a.current && !a.endsOn)
      .sort((a, b) => a.startsOn.localeCompare(b.startsOn)),
  );

  constructor() {
    combineLatest([toObservable(this.participantId), toObservable(this.#attempt)])
      .pipe(
        switchMap(([id]) =>
          this.#api.assignments(id).pipe(
            map((list): AssignmentsState => ({ kind: 'loaded', items: list.items })),
            catchError(() => of<AssignmentsState>({ kind: 'failed' })),
            startWith<AssignmentsState>({ kind: 'loading' }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((state) => this.state.set(state));
  }

  protected retry(): void {
    this.#attempt.update((n) => n + 1);
  }

  protected toggleHistory(): void {
    this.historyShown.update((shown) => !shown);
  }

  protected assign(): void {
    this.#dialog
      .open<AssignDialog, AssignData, AssignResult>(AssignDialog, {
        width: '560px',
        maxWidth: 'calc(100vw - 32px)',
        autoFocus: 'first-tabbable',
        data: { participantId: this.participantId(), assignments: this.assignments(), timeZone: this.#session.user()?.timeZone },
      })
      .afterClosed()
      .subscribe((result) => {
        if (!result) return;
        this.state.set({ kind: 'loaded', items: result.saved.items });
        this.said.emit(result.problem ? { text: result.problem, problem: true } : { text: $localize`Care team updated.` });
      });
  }

  protected kindLabel(assignment: CareAssignment): string {
    return assignment.kind === 'primary' ? $localize`:Care assignment kind:Primary` : $localize`:Care assignment kind:Secondary`;
  }
}

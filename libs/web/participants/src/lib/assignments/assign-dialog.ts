import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { type AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, type ValidationErrors, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  type AssignableSpecialist,
  type CareAssignment,
  type CareAssignmentList,
  type NewCareAssignment,
  ParticipantCareApi,
  ParticipantsApi,
} from '@waypoint/web-participant-data';
import { catchError, concatMap, finalize, from, last, map, of, startWith, tap } from 'rxjs';
import { problemText } from '../plan/plan-dialogs';
import { todayIn } from '../status/calendar-date';

export interface AssignData {
  participantId: string;
  /** The assignments as the card last read them. */
  assignments: readonly CareAssignment[];
  /** The signed-in person's time zone, for "today". */
  timeZone?: string | null;
}

/**
 * How the dialog ended: the history as the API now has it. When the primary change was saved but
 * the secondary one was refused, `problem` says why, so the card can show both.
 */
export interface AssignResult {
  saved: CareAssignmentList;
  problem?: string;
}

type SpecialistsState = { kind: 'loading' } | { kind: 'loaded'; items: AssignableSpecialist[] } | { kind: 'failed' };

/** How far ahead a transfer may be scheduled (the API's limit). */
const MAX_DAYS_AHEAD = 366;

/**
 * Assigns the participant's primary specialist (a transfer, when someone else carries them now)
 * and optionally adds a secondary one, from a date: today or later, since history is not rewritten.
 * Each is one POST; the primary goes first, so a transfer holds even if the secondary is refused.
 */
@Component({
  selector: 'lib-assign-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatProgressSpinner,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './assign-dialog.html',
  styleUrl: './assign-dialog.scss',
})
export class AssignDialog {
  readonly #care = inject(ParticipantCareApi);
  readonly #ref = inject<MatDialogRef<AssignDialog, AssignResult>>(MatDialogRef);
  readonly #data = inject<AssignData>(MAT_DIALOG_DATA);

  protected readonly today = todayIn(this.#data.timeZone);
  protected readonly latest = addDays(this.today, MAX_DAYS_AHEAD);
  /** Whoever carries the participant today, if anyone. */
  protected readonly currentPrimary = this.#data.assignments.find((a) => a.current && a.kind === 'primary') ?? null;
  readonly #currentSecondaries = new Set(this.#data.assignments.filter((a) => a.current && a.kind === 'secondary').map((a) => a.specialistId));

  protected readonly specialists = toSignal(
    inject(ParticipantsApi)
      .assignableSpecialists()
      .pipe(
        map((list): SpecialistsState => ({ kind: 'loaded', items: list.items })),
        catchError(() => of<SpecialistsState>({ kind: 'failed' })),
        startWith<SpecialistsState>({ kind: 'loading' }),
      ),
    { requireSync: true },
  );

  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      primary: [this.currentPrimary?.specialistId ?? '', Validators.required],
      secondary: [''],
      startsOn: [
        this.today,
        [
          Validators.required,
          (control: AbstractControl<string>): ValidationErrors | null =>
            control.value && control.value < this.today ? { past: true } : control.value > this.latest ? { tooLate: true } : null,
        ],
      ],
    },
    { validators: (group) => (group.value.secondary && group.value.secondary === group.value.primary ? { samePerson: true } : null) },
  );

  protected readonly saving = signal(false);
  protected readonly failure = signal<string | null>(null);

  protected loadedSpecialists(): AssignableSpecialist[] {
    const state = this.specialists();
    return state.kind === 'loaded' ? state.items : [];
  }

  protected submit(): void {
    if (this.saving()) return;
    this.failure.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { primary, secondary, startsOn } = this.form.getRawValue();
    const changes: NewCareAssignment[] = [];
    if (primary !== this.currentPrimary?.specialistId) changes.push({ specialistId: primary, kind: 'primary', startsOn });
    if (secondary && !this.#currentSecondaries.has(secondary)) changes.push({ specialistId: secondary, kind: 'secondary', startsOn });
    if (changes.length === 0) {
      this.failure.set($localize`Nothing to change: choose a different primary specialist, or add a secondary one.`);
      return;
    }

    this.saving.set(true);
    let saved: CareAssignmentList | null = null;
    from(changes)
      .pipe(
        concatMap((change) => this.#care.assign(this.#data.participantId, change)),
        tap((list) => (saved = list)),
        last(),
        finalize(() => this.saving.set(false)),
      )
      .subscribe({
        next: (list) => this.#ref.close({ saved: list }),
        error: (error: unknown) => {
          const message = problemText(error);
          if (saved) {
            this.#ref.close({ saved, problem: message ?? $localize`The primary specialist was saved, but the secondary one could not be added.` });
            return;
          }
          this.failure.set(message ?? $localize`The assignment could not be saved. Try again.`);
        },
      });
  }
}

/** A calendar date some days after another (both YYYY-MM-DD). */
function addDays(date: string, days: number): string {
  const moved = new Date(`${date}T00:00:00Z`);
  moved.setUTCDate(moved.getUTCDate() + days);
  return moved.toISOString().slice(0, 10);
}

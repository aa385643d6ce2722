import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { type AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, type ValidationErrors, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { SafetyEventKinds } from '@waypoint/shared-contracts';
import { type NewSafetyEvent, ParticipantCareApi, type RecordedSafetyEvent, type SafetyEventKind } from '@waypoint/web-participant-data';
import { finalize, map } from 'rxjs';
import { blankIsMissing, problemText } from '../plan/plan-dialogs';
import { todayIn } from '../status/calendar-date';
import { safetyKindLabel } from './safety-labels';

export interface RecordSafetyEventData {
  participantId: string;
  /** The signed-in person's time zone, for "today". */
  timeZone?: string | null;
  /** What to start the description with, e.g. a note's risk detail. */
  description?: string;
  /** The day to start with (YYYY-MM-DD), e.g. the day of a note's contact; today when absent or later. */
  occurredOn?: string;
}

export interface RecordSafetyEventResult {
  recorded: RecordedSafetyEvent;
}

const TEXT_MAX = 2000;

/**
 * Records what happened: the kind, the day (today unless said otherwise, never later), what
 * happened and what was done or is planned. Events are never edited, so the dialog says so.
 */
@Component({
  selector: 'lib-record-safety-event-dialog',
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
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title i18n>Record a safety event</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content class="fields">
        <mat-form-field>
          <mat-label i18n>What happened</mat-label>
          <mat-select formControlName="kind" required>
            @for (kind of kinds; track kind) {
              <mat-option [value]="kind">{{ kindLabel(kind) }}</mat-option>
            }
          </mat-select>
          @if (form.controls.kind.hasError('required')) {
            <mat-error i18n>Choose the kind of event.</mat-error>
          }
        </mat-form-field>
        @if (kind() === 'overdose') {
          <p class="note" i18n>An overdose flags the participant as high risk and tells the team's supervisor.</p>
        }
        <mat-form-field>
          <mat-label i18n>Date</mat-label>
          <input matInput type="date" formControlName="occurredOn" required [max]="today" />
          @if (form.controls.occurredOn.hasError('required')) {
            <mat-error i18n>Enter the date it happened.</mat-error>
          } @else if (form.controls.occurredOn.hasError('future')) {
            <mat-error i18n>The date cannot be in the future.</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n>Description</mat-label>
          <textarea matInput formControlName="description" rows="3" required [maxlength]="textMax"></textarea>
          <mat-hint align="end" i18n>{{ descriptionLength() }} of {{ textMax }} characters</mat-hint>
          @if (form.controls.description.hasError('required')) {
            <mat-error i18n>Describe what happened.</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n>Follow-up (optional)</mat-label>
          <textarea matInput formControlName="followUp" rows="2" [maxlength]="textMax"></textarea>
          <mat-hint i18n>What was done, or is planned next.</mat-hint>
        </mat-form-field>
        <p class="note" i18n>Safety events cannot be changed once recorded.</p>
        <p class="error" role="alert">{{ failure() }}</p>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" [mat-dialog-close]="undefined" i18n>Cancel</button>
        <button matButton="filled" type="submit" [disabled]="saving()">
          @if (saving()) {
            <ng-container i18n>Saving…</ng-container>
          } @else {
            <ng-container i18n>Record event</ng-container>
          }
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styleUrl: './safety-dialog.scss',
})
export class RecordSafetyEventDialog {
  readonly #api = inject(ParticipantCareApi);
  readonly #ref = inject<MatDialogRef<RecordSafetyEventDialog, RecordSafetyEventResult>>(MatDialogRef);
  readonly #data = inject<RecordSafetyEventData>(MAT_DIALOG_DATA);

  protected readonly kinds = SafetyEventKinds;
  protected readonly kindLabel = safetyKindLabel;
  protected readonly today = todayIn(this.#data.timeZone);
  protected readonly textMax = TEXT_MAX;

  protected readonly form = inject(NonNullableFormBuilder).group({
    kind: ['' as SafetyEventKind | '', Validators.required],
    occurredOn: [this.#data.occurredOn && this.#data.occurredOn <= this.today ? this.#data.occurredOn : this.today, [Validators.required, (control: AbstractControl<string>): ValidationErrors | null => (control.value > this.today ? { future: true } : null)]],
    description: [this.#data.description ?? '', [Validators.required, Validators.maxLength(TEXT_MAX), blankIsMissing]],
    followUp: ['', [Validators.maxLength(TEXT_MAX)]],
  });

  protected readonly kind = toSignal(this.form.controls.kind.valueChanges, { initialValue: this.form.controls.kind.value });
  protected readonly descriptionLength = toSignal(this.form.controls.description.valueChanges.pipe(map((text) => text.length)), {
    initialValue: this.form.controls.description.value.length,
  });
  protected readonly saving = signal(false);
  protected readonly failure = signal<string | null>(null);

  protected submit(): void {
    if (this.saving()) return;
    this.failure.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { kind, occurredOn, description, followUp } = this.form.getRawValue();
    if (!kind) return;
    const event: NewSafetyEvent = { kind, occurredOn, description: description.trim(), ...(followUp.trim() ? { followUp: followUp.trim() } : {}) };
    this.saving.set(true);
    this.#api
      .recordSafetyEvent(this.#data.participantId, event)
      .pipe(finalize(() => this.saving.set(false)))
      .subscribe({
        next: (recorded) => this.#ref.close({ recorded }),
        error: (error: unknown) => this.failure.set(problemText(error) ?? $localize`The safety event could not be recorded. Try again.`),
      });
  }
}

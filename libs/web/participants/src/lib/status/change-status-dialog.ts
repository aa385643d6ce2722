import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { type AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, type ValidationErrors, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { PARTICIPANT_STATUS_TRANSITIONS, type ParticipantStatus } from '@waypoint/shared-contracts';
import { describeHttpError } from '@waypoint/web-core';
import { ParticipantsApi, statusLabel, type ParticipantRecord, type StatusChange } from '@waypoint/web-participant-data';
import { finalize, map } from 'rxjs';
import { todayIn } from './calendar-date';

export interface ChangeStatusData {
  participant: ParticipantRecord;
  /** The signed-in person's time zone, for "today". */
  timeZone?: string | null;
}

/** How the dialog ended: the updated record, or the API's reason for refusing (409) so the page reloads. */
export type ChangeStatusResult = { saved: ParticipantRecord } | { conflict: string };

const REASON_MAX = 500;

/**
 * Moves a participant to one of the statuses PARTICIPANT_STATUS_TRANSITIONS allows from where
 * they are. A discharge needs a reason; the effective date defaults to today and cannot be later.
 */
@Component({
  selector: 'lib-change-status-dialog',
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
    MatRadioGroup,
    MatRadioButton,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title i18n>Change status</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content class="fields">
        <p class="current" i18n>Currently {{ statusLabel(participant.status) }}.</p>
        <div id="status-label" class="label" i18n>New status</div>
        <mat-radio-group class="statuses" formControlName="status" aria-labelledby="status-label" required>
          @for (status of allowed; track status) {
            <mat-radio-button [value]="status">{{ statusLabel(status) }}</mat-radio-button>
          }
        </mat-radio-group>
        @if (form.controls.status.touched && form.controls.status.hasError('required')) {
          <p class="error" i18n>Choose the new status.</p>
        }
        <mat-form-field>
          <mat-label i18n>Effective date</mat-label>
          <input matInput type="date" formControlName="effectiveOn" required [max]="today" />
          @if (form.controls.effectiveOn.hasError('required')) {
            <mat-error i18n>Enter the date the change took effect.</mat-error>
          } @else if (form.controls.effectiveOn.hasError('future')) {
            <mat-error i18n>The date cannot be in the future.</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>
            @if (discharging()) {
              <ng-container i18n>Reason for discharge</ng-container>
            } @else {
              <ng-container i18n>Reason (optional)</ng-container>
            }
          </mat-label>
          <textarea matInput formControlName="reason" rows="3" [maxlength]="reasonMax" [required]="discharging()"></textarea>
          <mat-hint align="end" i18n>{{ reasonLength() }} of {{ reasonMax }} characters</mat-hint>
          @if (form.controls.reason.hasError('required') || form.controls.reason.hasError('minlength')) {
            <mat-error i18n>Give the reason for the discharge in at least 3 characters.</mat-error>
          }
        </mat-form-field>
        <p class="error" role="alert">{{ failure() }}</p>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" [mat-dialog-close]="undefined" i18n>Cancel</button>
        <button matButton="filled" type="submit" [disabled]="saving()">
          @if (saving()) {
            <ng-container i18n>Saving…</ng-container>
          } @else {
            <ng-container i18n>Change status</ng-container>
          }
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .fields { display: flex; flex-direction: column; gap: 8px; }
    .current { margin: 0; }
    .label { font: var(--mat-sys-label-large); color: var(--mat-sys-on-surface-variant); }
    .statuses { display: flex; flex-wrap: wrap; gap: 0 16px; margin-block-end: 8px; }
    .error { margin: 0; min-height: 1.25em; color: var(--mat-sys-error); }
  `,
})
export class ChangeStatusDialog {
  readonly #api = inject(ParticipantsApi);
  readonly #ref = inject<MatDialogRef<ChangeStatusDialog, ChangeStatusResult>>(MatDialogRef);
  readonly #data = inject<ChangeStatusData>(MAT_DIALOG_DATA);

  protected readonly participant = this.#data.participant;
  protected readonly allowed: readonly ParticipantStatus[] = PARTICIPANT_STATUS_TRANSITIONS[this.participant.status];
  protected readonly today = todayIn(this.#data.timeZone);
  protected readonly reasonMax = REASON_MAX;
  protected readonly statusLabel = statusLabel;

  protected readonly form = inject(NonNullableFormBuilder).group({
    // The only choice is preselected; otherwise the person chooses.
    status: [(this.allowed.length === 1 ? this.allowed[0] : '') as ParticipantStatus | '', Validators.required],
    effectiveOn: [this.today, [Validators.required, (control: AbstractControl<string>): ValidationErrors | null => (control.value > this.today ? { future: true } : null)]],
    reason: ['', [Validators.maxLength(REASON_MAX)]],
  });

  protected readonly saving = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly discharging = signal(this.form.controls.status.value === 'discharged');
  protected readonly reasonLength = toSignal(this.form.controls.reason.valueChanges.pipe(map((reason) => reason.length)), { initialValue: 0 });

  constructor() {
    this.form.controls.status.valueChanges.pipe(takeUntilDestroyed()).subscribe((status) => {
      const discharging = status === 'discharged';
      this.discharging.set(discharging);
      const reason = this.form.controls.reason;
      reason.setValidators(discharging ? [Validators.required, Validators.minLength(3), Validators.maxLength(REASON_MAX), blankIsMissing] : [Validators.maxLength(REASON_MAX)]);
      reason.updateValueAndValidity();
    });
  }

  protected submit(): void {
    if (this.saving()) return;
    this.failure.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { status, effectiveOn, reason } = this.form.getRawValue();
    if (!status) return;
    const change: StatusChange = { status, effectiveOn, version: this.participant.version, ...(reason.trim() ? { reason: reason.trim() } : {}) };
    this.saving.set(true);
    this.#api
      .changeStatus(this.participant.id, change)
      .pipe(finalize(() => this.saving.set(false)))
      .subscribe({
        next: (saved) => this.#ref.close({ saved }),
        error: (error: unknown) => {
          const described = error instanceof HttpErrorResponse ? describeHttpError(error) : null;
          const message = described?.detail ?? described?.title;
          if (error instanceof HttpErrorResponse && error.status === 409) {
            this.#ref.close({ conflict: message ?? $localize`The participant changed meanwhile. Their record has been reloaded.` });
            return;
          }
          this.failure.set(message ?? $localize`The status could not be changed. Try again.`);
        },
      });
  }
}

/** A reason of only spaces is no reason. */
function blankIsMissing(control: AbstractControl<string>): ValidationErrors | null {
  return control.value && !control.value.trim() ? { required: true } : null;
}

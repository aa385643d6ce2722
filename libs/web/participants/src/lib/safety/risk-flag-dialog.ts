import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { displayName, ParticipantCareApi, type ParticipantRecord, type RiskFlagChange } from '@waypoint/web-participant-data';
import { finalize, map } from 'rxjs';
import { blankIsMissing, problemText } from '../plan/plan-dialogs';

export interface RiskFlagData {
  participant: ParticipantRecord;
}

/** How the dialog ended: the participant as they now are, or the API's reason for refusing (409) so the page reloads. */
export type RiskFlagResult = { saved: ParticipantRecord } | { conflict: string };

const REASON_MAX = 500;

/**
 * Raises the high-risk flag, with the reason everyone will see beside the participant's name, or
 * clears it. Sent with the version read, so a flag someone changed meanwhile is not overwritten.
 */
@Component({
  selector: 'lib-risk-flag-dialog',
  imports: [ReactiveFormsModule, MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose, MatButton, MatFormField, MatLabel, MatHint, MatError, MatInput],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>
      @if (raising) {
        <ng-container i18n>Flag high risk</ng-container>
      } @else {
        <ng-container i18n>Clear the high-risk flag</ng-container>
      }
    </h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content class="fields">
        @if (raising) {
          <p class="note" i18n>
            The flag shows wherever {{ name }} appears, and the team's supervisor is told. Say why, so colleagues know what to watch for.
          </p>
          <mat-form-field>
            <mat-label i18n>Reason</mat-label>
            <textarea matInput formControlName="reason" rows="3" required [maxlength]="reasonMax"></textarea>
            <mat-hint align="end" i18n>{{ reasonLength() }} of {{ reasonMax }} characters</mat-hint>
            @if (form.controls.reason.hasError('required') || form.controls.reason.hasError('minlength')) {
              <mat-error i18n>Give the reason in at least 3 characters.</mat-error>
            }
          </mat-form-field>
        } @else {
          @if (participant.highRiskReason) {
            <p class="current" i18n>Flagged because: {{ participant.highRiskReason }}</p>
          }
          <p class="note" i18n>Clear the flag once {{ name }} is no longer at high risk. The safety events stay on record.</p>
        }
        <p class="error" role="alert">{{ failure() }}</p>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" [mat-dialog-close]="undefined" i18n>Cancel</button>
        <button matButton="filled" type="submit" [disabled]="saving()">
          @if (saving()) {
            <ng-container i18n>Saving…</ng-container>
          } @else if (raising) {
            <ng-container i18n>Flag high risk</ng-container>
          } @else {
            <ng-container i18n>Clear flag</ng-container>
          }
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styleUrl: './safety-dialog.scss',
})
export class RiskFlagDialog {
  readonly #api = inject(ParticipantCareApi);
  readonly #ref = inject<MatDialogRef<RiskFlagDialog, RiskFlagResult>>(MatDialogRef);
  protected readonly participant = inject<RiskFlagData>(MAT_DIALOG_DATA).participant;

  /** Whether this raises the flag (the participant is not flagged yet) rather than clearing it. */
  protected readonly raising = !this.participant.highRisk;
  protected readonly name = displayName(this.participant);
  protected readonly reasonMax = REASON_MAX;
  protected readonly form = inject(NonNullableFormBuilder).group({
    reason: ['', this.raising ? [Validators.required, Validators.minLength(3), Validators.maxLength(REASON_MAX), blankIsMissing] : []],
  });
  protected readonly reasonLength = toSignal(this.form.controls.reason.valueChanges.pipe(map((reason) => reason.length)), { initialValue: 0 });
  protected readonly saving = signal(false);
  protected readonly failure = signal<string | null>(null);

  protected submit(): void {
    if (this.saving()) return;
    this.failure.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const change: RiskFlagChange = this.raising
      ? { highRisk: true, reason: this.form.getRawValue().reason.trim(), version: this.participant.version }
      : { highRisk: false, version: this.participant.version };
    this.saving.set(true);
    this.#api
      .setRiskFlag(this.participant.id, change)
      .pipe(finalize(() => this.saving.set(false)))
      .subscribe({
        next: (saved) => this.#ref.close({ saved }),
        error: (error: unknown) => {
          if (error instanceof HttpErrorResponse && error.status === 409) {
            this.#ref.close({ conflict: $localize`Someone else changed this participant meanwhile, so the flag was not changed. Their record has been reloaded; check it and try again.` });
            return;
          }
          this.failure.set(problemText(error) ?? $localize`The flag could not be changed. Try again.`);
        },
      });
  }
}

import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { GOAL_STATUS_TRANSITIONS, type GoalStatus, goalStatusNeedsReason } from '@waypoint/shared-contracts';
import { type Goal, RecoveryPlanApi } from '@waypoint/web-participant-data';
import { finalize, map } from 'rxjs';
import { blankIsMissing, type PlanDialogData, type PlanDialogResult, problemText } from './plan-dialogs';
import { goalStatusLabel } from './plan-labels';
import { isConflict } from './plan-state';

const REASON_MAX = 500;

/**
 * Closes a goal (achieved, revised, discontinued) or takes a closed one up again, along
 * GOAL_STATUS_TRANSITIONS. Revising or discontinuing says why, in at least 3 characters.
 */
@Component({
  selector: 'lib-goal-status-dialog',
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
    <h2 mat-dialog-title>
      @if (reopening) {
        <ng-container i18n>Reopen goal</ng-container>
      } @else {
        <ng-container i18n>Change goal status</ng-container>
      }
    </h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content class="fields">
        <p class="quote"><q>{{ goal.statement }}</q></p>
        <p class="current" i18n>Currently {{ statusLabel(goal.status) }}.</p>
        <div id="goal-status-label" class="label" i18n>New status</div>
        <mat-radio-group class="choices" formControlName="status" aria-labelledby="goal-status-label" required>
          @for (status of allowed; track status) {
            <mat-radio-button [value]="status">{{ statusLabel(status) }}</mat-radio-button>
          }
        </mat-radio-group>
        @if (form.controls.status.touched && form.controls.status.hasError('required')) {
          <p class="error" i18n>Choose the new status.</p>
        }
        <mat-form-field>
          <mat-label>
            @if (needsReason()) {
              <ng-container i18n>Reason</ng-container>
            } @else {
              <ng-container i18n>Reason (optional)</ng-container>
            }
          </mat-label>
          <textarea matInput formControlName="reason" rows="3" [maxlength]="reasonMax" [required]="needsReason()"></textarea>
          <mat-hint align="end" i18n>{{ reasonLength() }} of {{ reasonMax }} characters</mat-hint>
          @if (form.controls.reason.hasError('required') || form.controls.reason.hasError('minlength')) {
            <mat-error i18n>Say why, in at least 3 characters.</mat-error>
          }
        </mat-form-field>
        <p class="error" role="alert">{{ failure() }}</p>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" [mat-dialog-close]="undefined" i18n>Cancel</button>
        <button matButton="filled" type="submit" [disabled]="saving()">
          @if (saving()) {
            <ng-container i18n>Saving…</ng-container>
          } @else if (reopening) {
            <ng-container i18n>Reopen goal</ng-container>
          } @else {
            <ng-container i18n>Change status</ng-container>
          }
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styleUrl: './plan-dialog.scss',
})
export class GoalStatusDialog {
  readonly #api = inject(RecoveryPlanApi);
  readonly #ref = inject<MatDialogRef<GoalStatusDialog, PlanDialogResult>>(MatDialogRef);
  readonly #data = inject<PlanDialogData>(MAT_DIALOG_DATA);

  protected readonly goal: Goal = this.#data.goal as Goal;
  protected readonly allowed: readonly GoalStatus[] = GOAL_STATUS_TRANSITIONS[this.goal.status];
  /** Whether the goal is closed, so the only move is back to active. */
  protected readonly reopening = this.goal.status !== 'active';
  protected readonly statusLabel = goalStatusLabel;
  protected readonly reasonMax = REASON_MAX;

  protected readonly form = inject(NonNullableFormBuilder).group({
    // The only choice (reopening) is preselected; otherwise the person chooses.
    status: [(this.allowed.length === 1 ? this.allowed[0] : '') as GoalStatus | '', Validators.required],
    reason: ['', [Validators.maxLength(REASON_MAX)]],
  });

  protected readonly saving = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly needsReason = signal(false);
  protected readonly reasonLength = toSignal(this.form.controls.reason.valueChanges.pipe(map((reason) => reason.length)), { initialValue: 0 });

  constructor() {
    this.form.controls.status.valueChanges.pipe(takeUntilDestroyed()).subscribe((status) => {
      const needed = !!status && goalStatusNeedsReason(status);
      this.needsReason.set(needed);
      const reason = this.form.controls.reason;
      reason.setValidators(needed ? [Validators.required, Validators.minLength(3), Validators.maxLength(REASON_MAX), blankIsMissing] : [Validators.maxLength(REASON_MAX)]);
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
    const { status, reason } = this.form.getRawValue();
    if (!status) return;
    // The API wants 3 characters or none, so a short optional reason is left out rather than refused.
    const trimmed = reason.trim();
    this.saving.set(true);
    this.#api
      .changeStatus(this.goal.id, { status, version: this.goal.version, ...(trimmed.length >= 3 ? { reason: trimmed } : {}) })
      .pipe(finalize(() => this.saving.set(false)))
      .subscribe({
        next: (saved) => this.#ref.close({ saved }),
        error: (error: unknown) => {
          if (isConflict(error)) {
            this.#ref.close({ conflict: problemText(error) ?? $localize`The goal changed meanwhile. The plan has been reloaded.` });
            return;
          }
          this.failure.set(problemText(error) ?? $localize`The status could not be changed. Try again.`);
        },
      });
  }
}

import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { type Goal, RecoveryPlanApi } from '@waypoint/web-participant-data';
import { finalize } from 'rxjs';
import { blankIsMissing, type PlanDialogData, type PlanDialogResult, problemText } from './plan-dialogs';
import { isConflict } from './plan-state';

const STEP_MAX = 300;

/** Adds one step to the end of a goal's list. */
@Component({
  selector: 'lib-step-dialog',
  imports: [ReactiveFormsModule, MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose, MatButton, MatFormField, MatLabel, MatError, MatInput],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title i18n>Add a step</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content class="fields">
        <p class="quote"><q>{{ goal.statement }}</q></p>
        <mat-form-field>
          <mat-label i18n>Step</mat-label>
          <input matInput formControlName="description" required [maxlength]="stepMax" />
          @if (form.controls.description.hasError('required')) {
            <mat-error i18n>Describe the step.</mat-error>
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
            <ng-container i18n>Add step</ng-container>
          }
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styleUrl: './plan-dialog.scss',
})
export class StepDialog {
  readonly #api = inject(RecoveryPlanApi);
  readonly #ref = inject<MatDialogRef<StepDialog, PlanDialogResult>>(MatDialogRef);
  readonly #data = inject<PlanDialogData>(MAT_DIALOG_DATA);

  protected readonly goal: Goal = this.#data.goal as Goal;
  protected readonly stepMax = STEP_MAX;
  protected readonly form = inject(NonNullableFormBuilder).group({
    description: ['', [Validators.required, Validators.maxLength(STEP_MAX), blankIsMissing]],
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
    this.saving.set(true);
    this.#api
      .addStep(this.goal.id, this.form.getRawValue().description.trim())
      .pipe(finalize(() => this.saving.set(false)))
      .subscribe({
        next: (saved) => this.#ref.close({ saved }),
        error: (error: unknown) => {
          if (isConflict(error)) {
            this.#ref.close({ conflict: problemText(error) ?? $localize`The goal changed meanwhile. The plan has been reloaded.` });
            return;
          }
          this.failure.set(problemText(error) ?? $localize`The step could not be added. Try again.`);
        },
      });
  }
}

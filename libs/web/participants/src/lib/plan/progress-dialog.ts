import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { type AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, type ValidationErrors, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSlider, MatSliderThumb } from '@angular/material/slider';
import { type Goal, RecoveryPlanApi } from '@waypoint/web-participant-data';
import { finalize } from 'rxjs';
import { todayIn } from '../status/calendar-date';
import { type PlanDialogData, type PlanDialogResult, problemText } from './plan-dialogs';
import { isConflict } from './plan-state';

const COMMENT_MAX = 1000;

/** Records how far along a goal feels today (0–10), as the participant rates it, with an optional word. */
@Component({
  selector: 'lib-progress-dialog',
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
    MatSlider,
    MatSliderThumb,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title i18n>Record progress</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content class="fields">
        <p class="quote"><q>{{ goal.statement }}</q></p>
        <div id="progress-rating-label" class="label" i18n>How far along does it feel? 0 is not started, 10 is there.</div>
        <div class="rating-row">
          <mat-slider min="0" max="10" step="1" discrete showTickMarks>
            <input matSliderThumb formControlName="rating" aria-labelledby="progress-rating-label" />
          </mat-slider>
          <output class="rating-value" aria-hidden="true">{{ rating() }}/10</output>
        </div>
        <div class="scale" aria-hidden="true"><span>0</span><span>10</span></div>
        <mat-form-field>
          <mat-label i18n>Date</mat-label>
          <input matInput type="date" formControlName="recordedOn" required [max]="today" />
          @if (form.controls.recordedOn.hasError('required')) {
            <mat-error i18n>Enter the date of this rating.</mat-error>
          } @else if (form.controls.recordedOn.hasError('future')) {
            <mat-error i18n>The date cannot be in the future.</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n>Comment (optional)</mat-label>
          <textarea matInput formControlName="comment" rows="3" [maxlength]="commentMax"></textarea>
          <mat-hint i18n>What moved it, or what is in the way.</mat-hint>
        </mat-form-field>
        <p class="error" role="alert">{{ failure() }}</p>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" [mat-dialog-close]="undefined" i18n>Cancel</button>
        <button matButton="filled" type="submit" [disabled]="saving()">
          @if (saving()) {
            <ng-container i18n>Saving…</ng-container>
          } @else {
            <ng-container i18n>Record progress</ng-container>
          }
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styleUrl: './plan-dialog.scss',
})
export class ProgressDialog {
  readonly #api = inject(RecoveryPlanApi);
  readonly #ref = inject<MatDialogRef<ProgressDialog, PlanDialogResult>>(MatDialogRef);
  readonly #data = inject<PlanDialogData>(MAT_DIALOG_DATA);

  protected readonly goal: Goal = this.#data.goal as Goal;
  protected readonly today = todayIn(this.#data.timeZone);
  protected readonly commentMax = COMMENT_MAX;

  protected readonly form = inject(NonNullableFormBuilder).group({
    // Start from the last rating: progress is usually a step from there.
    rating: [this.goal.progress[0]?.rating ?? 5, [Validators.required, Validators.min(0), Validators.max(10)]],
    recordedOn: [this.today, [Validators.required, (control: AbstractControl<string>): ValidationErrors | null => (control.value > this.today ? { future: true } : null)]],
    comment: ['', [Validators.maxLength(COMMENT_MAX)]],
  });

  protected readonly rating = toSignal(this.form.controls.rating.valueChanges, { initialValue: this.form.controls.rating.value });
  protected readonly saving = signal(false);
  protected readonly failure = signal<string | null>(null);

  protected submit(): void {
    if (this.saving()) return;
    this.failure.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { rating, recordedOn, comment } = this.form.getRawValue();
    this.saving.set(true);
    this.#api
      .recordProgress(this.goal.id, { rating: Number(rating), recordedOn, ...(comment.trim() ? { comment: comment.trim() } : {}) })
      .pipe(finalize(() => this.saving.set(false)))
      .subscribe({
        next: (saved) => this.#ref.close({ saved }),
        error: (error: unknown) => {
          if (isConflict(error)) {
            this.#ref.close({ conflict: problemText(error) ?? $localize`The goal changed meanwhile. The plan has been reloaded.` });
            return;
          }
          this.failure.set(problemText(error) ?? $localize`The progress could not be recorded. Try again.`);
        },
      });
  }
}

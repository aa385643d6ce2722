import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { type AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, type ValidationErrors, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { type FollowUpTask, ParticipantCareApi } from '@waypoint/web-participant-data';
import { finalize } from 'rxjs';
import { blankIsMissing, problemText } from '../plan/plan-dialogs';
import { todayIn } from '../status/calendar-date';

export interface AddTaskData {
  participantId: string;
  /** The signed-in person's time zone, for "today". */
  timeZone?: string | null;
}

export interface AddTaskResult {
  saved: FollowUpTask;
}

const TITLE_MAX = 200;

/** A follow-up for the caller to do for this participant, by a day: today or later. */
@Component({
  selector: 'lib-add-task-dialog',
  imports: [ReactiveFormsModule, MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose, MatButton, MatFormField, MatLabel, MatHint, MatError, MatInput],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title i18n>Add a task</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content class="fields">
        <mat-form-field>
          <mat-label i18n>What to do</mat-label>
          <input matInput formControlName="title" required [maxlength]="titleMax" />
          <mat-hint i18n>For example: Call the clinic about the intake appointment.</mat-hint>
          @if (form.controls.title.hasError('required')) {
            <mat-error i18n>Say what to do.</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n>Due date</mat-label>
          <input matInput type="date" formControlName="dueOn" required [min]="today" />
          @if (form.controls.dueOn.hasError('required')) {
            <mat-error i18n>Enter the day it is due.</mat-error>
          } @else if (form.controls.dueOn.hasError('past')) {
            <mat-error i18n>The due date cannot be in the past.</mat-error>
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
            <ng-container i18n>Add task</ng-container>
          }
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .fields { display: flex; flex-direction: column; gap: 8px; }
    .error { margin: 0; min-height: 1.25em; color: var(--mat-sys-error); }
  `,
})
export class AddTaskDialog {
  readonly #api = inject(ParticipantCareApi);
  readonly #ref = inject<MatDialogRef<AddTaskDialog, AddTaskResult>>(MatDialogRef);
  readonly #data = inject<AddTaskData>(MAT_DIALOG_DATA);

  protected readonly today = todayIn(this.#data.timeZone);
  protected readonly titleMax = TITLE_MAX;
  protected readonly form = inject(NonNullableFormBuilder).group({
    title: ['', [Validators.required, Validators.maxLength(TITLE_MAX), blankIsMissing]],
    dueOn: [this.today, [Validators.required, (control: AbstractControl<string>): ValidationErrors | null => (control.value && control.value < this.today ? { past: true } : null)]],
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
    const { title, dueOn } = this.form.getRawValue();
    this.saving.set(true);
    this.#api
      .addTask(this.#data.participantId, { title: title.trim(), dueOn })
      .pipe(finalize(() => this.saving.set(false)))
      .subscribe({
        next: (saved) => this.#ref.close({ saved }),
        error: (error: unknown) => this.failure.set(problemText(error) ?? $localize`The task could not be added. Try again.`),
      });
  }
}

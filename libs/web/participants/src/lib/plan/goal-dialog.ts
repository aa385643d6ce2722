import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { type AbstractControl, FormArray, FormControl, NonNullableFormBuilder, ReactiveFormsModule, type ValidationErrors, Validators } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { GoalDimensions } from '@waypoint/shared-contracts';
import { fieldErrorsFrom, type Goal, type GoalDimension, RecoveryPlanApi } from '@waypoint/web-participant-data';
import { finalize, type Observable } from 'rxjs';
import { isConflict } from './plan-state';
import { blankIsMissing, type PlanDialogData, type PlanDialogResult, problemText } from './plan-dialogs';
import { DIMENSIONS } from './plan-labels';

const STATEMENT_MAX = 500;
const STEP_MAX = 300;
const STEPS_MAX = 20;

/**
 * Adds a goal (with its first steps) or edits one. The statement is the participant's own words,
 * so the form only trims it; steps left empty are dropped.
 */
@Component({
  selector: 'lib-goal-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatButton,
    MatIconButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatIcon,
    MatRadioGroup,
    MatRadioButton,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './goal-dialog.html',
  styleUrl: './plan-dialog.scss',
})
export class GoalDialog {
  readonly #api = inject(RecoveryPlanApi);
  readonly #ref = inject<MatDialogRef<GoalDialog, PlanDialogResult>>(MatDialogRef);
  readonly #data = inject<PlanDialogData>(MAT_DIALOG_DATA);
  readonly #fb = inject(NonNullableFormBuilder);

  /** The goal being edited; null while adding one. */
  protected readonly goal: Goal | null = this.#data.goal ?? null;
  protected readonly dimensions = GoalDimensions;
  protected readonly words = DIMENSIONS;
  protected readonly statementMax = STATEMENT_MAX;
  protected readonly stepMax = STEP_MAX;
  protected readonly stepsMax = STEPS_MAX;

  protected readonly form = this.#fb.group({
    dimension: [(this.goal?.dimension ?? this.#data.dimension ?? '') as GoalDimension | '', Validators.required],
    statement: [this.goal?.statement ?? '', [Validators.required, Validators.maxLength(STATEMENT_MAX), blankIsMissing]],
    targetDate: [this.goal?.targetDate ?? '', [calendarDate]],
    // Two empty rows: most goals start with a couple of first steps.
    steps: new FormArray<FormControl<string>>(this.goal ? [] : [this.#step(), this.#step()]),
  });

  protected readonly saving = signal(false);
  protected readonly failure = signal<string | null>(null);
  /** A note for screen readers when a step row comes or goes. */
  protected readonly stepsNote = signal('');

  protected removeLabel(index: number): string {
    return $localize`Remove step ${index + 1}:number:`;
  }

  protected addStepRow(): void {
    if (this.form.controls.steps.length >= STEPS_MAX) return;
    this.form.controls.steps.push(this.#step());
    const count = this.form.controls.steps.length;
    this.stepsNote.set($localize`Step ${count}:number: added.`);
    // Focus the new row so a list of steps can be typed without reaching for the mouse.
    setTimeout(() => document.getElementById(`goal-step-${count - 1}`)?.focus());
  }

  protected removeStepRow(index: number): void {
    this.form.controls.steps.removeAt(index);
    this.stepsNote.set($localize`Step ${index + 1}:number: removed.`);
    const next = Math.min(index, this.form.controls.steps.length - 1);
    setTimeout(() => document.getElementById(next >= 0 ? `goal-step-${next}` : 'goal-add-step')?.focus());
  }

  /** Enter in a step row starts the next one instead of submitting half a plan. */
  protected onStepEnter(event: Event, index: number): void {
    event.preventDefault();
    if (index === this.form.controls.steps.length - 1) this.addStepRow();
    else document.getElementById(`goal-step-${index + 1}`)?.focus();
  }

  protected submit(): void {
    if (this.saving()) return;
    this.failure.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { dimension, statement, targetDate, steps } = this.form.getRawValue();
    if (!dimension) return;
    const request: Observable<Goal> = this.goal
      ? this.#api.updateGoal(this.goal.id, { dimension, statement: statement.trim(), targetDate: targetDate || null, version: this.goal.version })
      : this.#api.createGoal(this.#data.participantId, {
          dimension,
          statement: statement.trim(),
          ...(targetDate ? { targetDate } : {}),
          steps: steps.map((step) => step.trim()).filter((step) => step.length > 0),
        });
    this.saving.set(true);
    request.pipe(finalize(() => this.saving.set(false))).subscribe({
      next: (saved) => this.#ref.close({ saved }),
      error: (error: unknown) => {
        if (isConflict(error)) {
          this.#ref.close({ conflict: problemText(error) ?? $localize`The goal changed meanwhile. The plan has been reloaded.` });
          return;
        }
        const fields = fieldErrorsFrom(error);
        const fieldMessage = Object.values(fields)[0]?.[0];
        this.failure.set(fieldMessage ?? problemText(error) ?? $localize`The goal could not be saved. Try again.`);
      },
    });
  }

  #step(): FormControl<string> {
    return this.#fb.control('', [Validators.maxLength(STEP_MAX)]);
  }
}

/** A target date the browser's date field accepted (YYYY-MM-DD), or none. */
function calendarDate(control: AbstractControl<string>): ValidationErrors | null {
  return !control.value || /^\d{4}-\d{2}-\d{2}$/.test(control.value) ? null : { date: true };
}

import { BreakpointObserver } from '@angular/cdk/layout';
import { HttpErrorResponse } from '@angular/common/http';
import { afterNextRender, ChangeDetectionStrategy, Component, computed, type ElementRef, inject, Injector, input, signal, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { type AbstractControl, FormArray, FormControl, NonNullableFormBuilder, ReactiveFormsModule, type ValidationErrors, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { Router, RouterLink } from '@angular/router';
import { NgTemplateOutlet } from '@angular/common';
import { ASSESSMENT_NOTES_MAX_LENGTH, BARC10_ITEM_COUNT, BARC10_MAX_TOTAL, barc10Total } from '@waypoint/shared-contracts';
import { SessionStore } from '@waypoint/web-auth';
import { describeHttpError } from '@waypoint/web-core';
import { AssessmentsApi, fieldErrorsFrom } from '@waypoint/web-participant-data';
import { PageHeader } from '@waypoint/web-ui';
import { finalize } from 'rxjs';
import { todayIn } from '../status/calendar-date';
import type { RecordedAssessmentState } from './assessments-page';
import { BARC10_ANSWER_TEXT, BARC10_ITEM_TEXT } from './barc10-wording';

/** Phones get one item per screen; wider screens the whole form at once. */
const NARROW_QUERY = '(max-width: 599.98px)';

/**
 * Records a BARC-10 as the participant answers it with their specialist. On a phone it goes one
 * statement per screen (then the date and notes), so the participant can read along and the
 * answers are big enough to tap; on a wide screen all ten are on one page.
 */
@Component({
  selector: 'lib-assessment-form-page',
  imports: [
    NgTemplateOutlet,
    ReactiveFormsModule,
    PageHeader,
    RouterLink,
    MatButton,
    MatIcon,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatProgressBar,
    MatRadioGroup,
    MatRadioButton,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './assessment-form-page.html',
  styleUrl: './assessment-form-page.scss',
})
export class AssessmentFormPage {
  readonly #api = inject(AssessmentsApi);
  readonly #router = inject(Router);
  readonly #injector = inject(Injector);
  /** The route's `:id`, bound by the router. */
  readonly id = input.required<string>();

  protected readonly items = BARC10_ITEM_TEXT;
  protected readonly answers = BARC10_ANSWER_TEXT;
  protected readonly itemCount = BARC10_ITEM_COUNT;
  protected readonly maxTotal = BARC10_MAX_TOTAL;
  protected readonly notesMax = ASSESSMENT_NOTES_MAX_LENGTH;
  protected readonly today = todayIn(inject(SessionStore).user()?.timeZone);

  protected readonly form = inject(NonNullableFormBuilder).group({
    answers: new FormArray(this.items.map(() => new FormControl<number | null>(null, Validators.required))),
    takenOn: [this.today, [Validators.required, notAfter(this.today)]],
    notes: ['', Validators.maxLength(ASSESSMENT_NOTES_MAX_LENGTH)],
  });

  protected readonly narrow = toSignal(inject(BreakpointObserver).observe(NARROW_QUERY), { initialValue: null });
  protected readonly oneAtATime = computed(() => this.narrow()?.matches ?? false);
  /** On a phone: 0–9 are the items, 10 is the date, notes and save. */
  protected readonly step = signal(0);
  protected readonly lastStep = BARC10_ITEM_COUNT;
  protected readonly progress = computed(() => (this.step() / this.lastStep) * 100);

  readonly #values = toSignal(this.form.controls.answers.valueChanges, { initialValue: this.form.controls.answers.value });
  protected readonly answered = computed(() => this.#values().filter((value) => value !== null).length);
  protected readonly total = computed(() => barc10Total(this.#values().map((value) => value ?? 0)));
  protected readonly notesLength = toSignal(this.form.controls.notes.valueChanges, { initialValue: '' });

  /** Why the form cannot go on or be saved, announced as an alert. */
  protected readonly problem = signal<string | null>(null);
  protected readonly saving = signal(false);
  private readonly stepHeading = viewChild<ElementRef<HTMLElement>>('stepHeading');

  protected answerControl(index: number): FormControl<number | null> {
    return this.form.controls.answers.at(index);
  }

  protected next(): void {
    const control = this.answerControl(this.step());
    if (control.value === null) {
      control.markAsTouched();
      this.problem.set($localize`Choose an answer to go on. Any answer is fine; there are no right ones.`);
      return;
    }
    this.#goTo(this.step() + 1);
  }

  protected back(): void {
    this.#goTo(Math.max(0, this.step() - 1));
  }

  protected submit(): void {
    this.problem.set(null);
    const missing = this.form.controls.answers.controls.flatMap((control, index) => (control.value === null ? [index + 1] : []));
    if (missing.length > 0) {
      this.form.markAllAsTouched();
      this.problem.set($localize`Answer every item before saving. Still open: ${missing.join(', ')}:items:.`);
      if (this.oneAtATime()) this.#goTo(missing[0] - 1, false);
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.problem.set($localize`Check the date and the notes.`);
      return;
    }
    const value = this.form.getRawValue();
    this.saving.set(true);
    this.#api
      .record(this.id(), { takenOn: value.takenOn, answers: value.answers as number[], notes: value.notes.trim() || null })
      .pipe(finalize(() => this.saving.set(false)))
      .subscribe({
        next: (saved) => {
          const state: RecordedAssessmentState = { recordedTotal: saved.total };
          void this.#router.navigate(['/participants', this.id(), 'assessments'], { state });
        },
        error: (error: unknown) => this.problem.set(this.#describe(error)),
      });
  }

  #goTo(step: number, clearProblem = true): void {
    if (clearProblem) this.problem.set(null);
    this.step.set(step);
    // Move focus to the new screen's heading, so a screen reader reads the next statement.
    afterNextRender(() => this.stepHeading()?.nativeElement.focus(), { injector: this.#injector });
  }

  #describe(error: unknown): string {
    const fields = fieldErrorsFrom(error);
    if (fields['takenOn']) return $localize`The date cannot be in the future.`;
    if (Object.keys(fields).length > 0) return Object.values(fields).flat().join(' ');
    if (error instanceof HttpErrorResponse && error.status === 404) return $localize`This participant is no longer in your caseload; the assessment was not saved.`;
    const described = error instanceof HttpErrorResponse ? describeHttpError(error) : null;
    return described?.detail ?? described?.title ?? $localize`The assessment could not be saved. Try again.`;
  }
}

/** A calendar date no later than `last` (both YYYY-MM-DD). */
function notAfter(last: string) {
  return (control: AbstractControl<string>): ValidationErrors | null => (control.value && control.value > last ? { future: true } : null);
}

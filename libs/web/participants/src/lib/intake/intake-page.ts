import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatOption } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { MatSelect } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { ContactMethods, RecoveryPathways, type RecoveryPathway } from '@waypoint/shared-contracts';
import { SessionStore } from '@waypoint/web-auth';
import { describeHttpError } from '@waypoint/web-core';
import {
  contactMethodLabel,
  duplicateCandidatesFrom,
  fieldErrorsFrom,
  pathwayLabel,
  ParticipantsApi,
  type AssignableSpecialist,
  type DuplicateCandidate,
} from '@waypoint/web-participant-data';
import { PageHeader } from '@waypoint/web-ui';
import { finalize, map, type Subscription } from 'rxjs';
import { todayIn } from '../status/calendar-date';
import { DuplicateWarning } from './duplicate-warning';
import { buildIntakeForm, duplicateCheckOf, INTAKE_NOTES_MAX, type IntakeField, toNewParticipant } from './intake-form';
import { SubstancesField } from './substances-field';

/**
 * Intake: a new participant, referred and Part 2 protected. Names and date of birth are checked
 * against the program's records as soon as they are in, so nobody is added twice by accident.
 */
@Component({
  selector: 'lib-intake-page',
  imports: [
    ReactiveFormsModule,
    PageHeader,
    DuplicateWarning,
    SubstancesField,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatCheckbox,
    MatButton,
    MatIcon,
    MatProgressSpinner,
    RouterLink,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './intake-page.html',
  styleUrl: './intake-page.scss',
})
export class IntakePage {
  readonly #api = inject(ParticipantsApi);
  readonly #router = inject(Router);
  readonly #session = inject(SessionStore);
  readonly #host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly today = () => todayIn(this.#session.user()?.timeZone);
  protected readonly form = buildIntakeForm(inject(NonNullableFormBuilder), this.today);
  /** Whether the caller chooses the primary specialist (supervisors); a specialist is assigned themselves. */
  protected readonly choosesSpecialist = this.#session.can('participants:assign') && this.#session.user()?.role === 'supervisor';
  protected readonly specialists = signal<AssignableSpecialist[] | null>(null);
  protected readonly specialistsFailed = signal(false);

  protected readonly candidates = signal<DuplicateCandidate[]>([]);
  protected readonly saving = signal(false);
  /** Why the last attempt did not save, in words, announced above the button. */
  protected readonly failure = signal<string | null>(null);
  /** Messages the API gave for single fields (400), shown on those fields. */
  protected readonly serverErrors = signal<Partial<Record<IntakeField, string>>>({});

  protected readonly notesLength = toSignal(this.form.controls.intakeNotes.valueChanges.pipe(map((notes) => notes.length)), { initialValue: 0 });
  protected readonly notesMax = INTAKE_NOTES_MAX;
  protected readonly pathways = RecoveryPathways.map((code) => ({ code, label: pathwayLabel(code) }));
  protected readonly contactMethods = ContactMethods.map((code) => ({ code, label: contactMethodLabel(code) }));

  /** The identity last sent to the duplicate check, so leaving a field unchanged asks nothing. */
  #checked: string | null = null;
  #check?: Subscription;

  constructor() {
    if (this.choosesSpecialist) {
      this.form.controls.primarySpecialistId.addValidators(Validators.required);
      this.loadSpecialists();
    }
    inject(DestroyRef).onDestroy(() => this.#check?.unsubscribe());
  }

  protected loadSpecialists(): void {
    this.specialistsFailed.set(false);
    this.#api.assignableSpecialists().subscribe({
      next: (list) => this.specialists.set(list.items),
      error: () => this.specialistsFailed.set(true),
    });
  }

  protected isPathwayChosen(code: RecoveryPathway): boolean {
    return this.form.controls.recoveryPathways.value.includes(code);
  }

  protected togglePathway(code: RecoveryPathway, chosen: boolean): void {
    const control = this.form.controls.recoveryPathways;
    const others = control.value.filter((value) => value !== code);
    control.setValue(chosen ? RecoveryPathways.filter((value) => value === code || others.includes(value)) : others);
    control.markAsDirty();
  }

  /** On leaving a name or the date of birth: asks whether this person may already be on record. */
  protected checkDuplicates(): void {
    const request = duplicateCheckOf(this.form);
    if (!request) return;
    const key = JSON.stringify(request);
    if (key === this.#checked) return;
    this.#checked = key;
    this.#check?.unsubscribe();
    this.#check = this.#api.checkDuplicates(request).subscribe({
      next: ({ candidates }) => this.#showCandidates(candidates),
      // The check only helps; creating the record repeats it.
      error: () => (this.#checked = null),
    });
  }

  protected submit(): void {
    if (this.saving()) return;
    this.failure.set(null);
    this.#clearServerErrors();
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.failure.set($localize`Some fields need attention. Check the highlighted fields.`);
      this.#focus('input.ng-invalid, textarea.ng-invalid, mat-select.ng-invalid');
      return;
    }
    const confirmed = this.form.controls.confirmedNotDuplicate.value;
    if (this.candidates().length && !confirmed) {
      this.failure.set($localize`This person may already be on record. Open their record, or confirm that this is a new person.`);
      this.#focus('lib-duplicate-warning input[type="checkbox"]');
      return;
    }
    this.saving.set(true);
    const body = toNewParticipant(this.form.getRawValue(), {
      withSpecialist: this.choosesSpecialist,
      confirmedNotDuplicate: this.candidates().length > 0 && confirmed,
    });
    this.#api
      .create(body)
      .pipe(finalize(() => this.saving.set(false)))
      .subscribe({
        next: (participant) => void this.#router.navigate(['/participants', participant.id]),
        error: (error: unknown) => this.#showProblem(error),
      });
  }

  /** An error of one field, from the form's rules or the API. */
  protected serverError(field: IntakeField): string | undefined {
    return this.serverErrors()[field];
  }

  #showCandidates(candidates: DuplicateCandidate[]): void {
    this.candidates.set(candidates);
    // A confirmation was about the people shown then, not whoever matches now.
    this.form.controls.confirmedNotDuplicate.setValue(false);
  }

  #showProblem(error: unknown): void {
    const duplicates = duplicateCandidatesFrom(error);
    if (duplicates) {
      this.#showCandidates(duplicates);
      this.failure.set($localize`This person may already be on record. Open their record, or confirm that this is a new person.`);
      this.#focus('#duplicate-heading');
      return;
    }
    const fieldErrors = fieldErrorsFrom(error);
    const controls = this.form.controls as Record<string, (typeof this.form.controls)[IntakeField]>;
    const shown: Partial<Record<IntakeField, string>> = {};
    const other: string[] = [];
    for (const [field, messages] of Object.entries(fieldErrors)) {
      const control = controls[field];
      if (control) {
        shown[field as IntakeField] = messages.join(' ');
        control.setErrors({ server: true });
        control.markAsTouched();
      } else {
        other.push(...messages);
      }
    }
    if (Object.keys(shown).length || other.length) {
      this.serverErrors.set(shown);
      this.failure.set([$localize`Some fields need attention. Check the highlighted fields.`, ...other].join(' '));
      this.#focus('input.ng-invalid, textarea.ng-invalid, mat-select.ng-invalid');
      return;
    }
    const described = error instanceof HttpErrorResponse ? describeHttpError(error) : null;
    this.failure.set(described?.detail ?? described?.title ?? $localize`The participant could not be saved. Try again.`);
  }

  #clearServerErrors(): void {
    for (const field of Object.keys(this.serverErrors()) as IntakeField[]) {
      const control = this.form.controls[field];
      if (control.hasError('server')) control.updateValueAndValidity();
    }
    this.serverErrors.set({});
  }

  /** Moves focus after the view shows the new state, so the reader lands on what needs them. */
  #focus(selector: string): void {
    setTimeout(() => this.#host.nativeElement.querySelector<HTMLElement>(selector)?.focus());
  }
}

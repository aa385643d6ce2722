import { type AbstractControl, FormControl, type NonNullableFormBuilder, type ValidationErrors, Validators } from '@angular/forms';
import type { ContactMethod, RecoveryPathway } from '@waypoint/shared-contracts';
import type { DuplicateCheckRequest, NewParticipant } from '@waypoint/web-participant-data';

/** The API's phone rule: digits, spaces and + ( ) - . only. */
const PHONE = /^[0-9+()\-. ]{7,40}$/;
export const INTAKE_NOTES_MAX = 4000;

/** A date of birth on or before `today` (YYYY-MM-DD strings compare as dates). */
function notAfter(today: () => string) {
  return (control: AbstractControl<string>): ValidationErrors | null =>
    control.value && control.value > today() ? { future: true } : null;
}

/** The intake form; `today` is the calendar date in the user's time zone. */
export function buildIntakeForm(fb: NonNullableFormBuilder, today: () => string) {
  return fb.group({
    legalFirstName: ['', [Validators.required, Validators.maxLength(100)]],
    legalLastName: ['', [Validators.required, Validators.maxLength(100)]],
    preferredName: ['', [Validators.maxLength(100)]],
    pronouns: ['', [Validators.maxLength(40)]],
    dateOfBirth: ['', [Validators.required, notAfter(today)]],
    phone: ['', [Validators.pattern(PHONE)]],
    email: ['', [Validators.email, Validators.maxLength(254)]],
    /** '' stands for "not said". */
    preferredContactMethod: ['' as ContactMethod | ''],
    okToText: [false],
    recoveryPathways: new FormControl<RecoveryPathway[]>([], { nonNullable: true }),
    primarySubstances: new FormControl<string[]>([], { nonNullable: true }),
    referralSource: ['', [Validators.maxLength(200)]],
    emergencyContactName: ['', [Validators.maxLength(200)]],
    emergencyContactPhone: ['', [Validators.pattern(PHONE)]],
    emergencyContactRelationship: ['', [Validators.maxLength(60)]],
    intakeNotes: ['', [Validators.maxLength(INTAKE_NOTES_MAX)]],
    /** Required for supervisors only (the page adds the validator). */
    primarySpecialistId: [''],
    confirmedNotDuplicate: [false],
  });
}

export type IntakeForm = ReturnType<typeof buildIntakeForm>;
export type IntakeValue = ReturnType<IntakeForm['getRawValue']>;
/** The form's fields the API may name in a validation problem. */
export type IntakeField = keyof IntakeValue;

/** What the duplicate check needs, once names and a plausible date of birth are in; else null. */
export function duplicateCheckOf(form: IntakeForm): DuplicateCheckRequest | null {
  const { legalFirstName, legalLastName, preferredName, dateOfBirth } = form.getRawValue();
  const first = legalFirstName.trim();
  const last = legalLastName.trim();
  if (!first || !last || !dateOfBirth || form.controls.dateOfBirth.invalid) return null;
  const preferred = preferredName.trim();
  return { legalFirstName: first, legalLastName: last, dateOfBirth, ...(preferred ? { preferredName: preferred } : {}) };
}

/** The request body: trimmed, with empty optional fields left out. */
export function toNewParticipant(value: IntakeValue, options: { withSpecialist: boolean; confirmedNotDuplicate: boolean }): NewParticipant {
  const optional = (text: string) => text.trim() || undefined;
  const body: NewParticipant = {
    legalFirstName: value.legalFirstName.trim(),
    legalLastName: value.legalLastName.trim(),
    dateOfBirth: value.dateOfBirth,
    preferredName: optional(value.preferredName),
    pronouns: optional(value.pronouns),
    phone: optional(value.phone),
    email: optional(value.email),
    preferredContactMethod: value.preferredContactMethod || undefined,
    okToText: value.okToText,
    recoveryPathways: value.recoveryPathways,
    primarySubstances: value.primarySubstances,
    referralSource: optional(value.referralSource),
    emergencyContactName: optional(value.emergencyContactName),
    emergencyContactPhone: optional(value.emergencyContactPhone),
    emergencyContactRelationship: optional(value.emergencyContactRelationship),
    intakeNotes: optional(value.intakeNotes),
    primarySpecialistId: options.withSpecialist ? value.primarySpecialistId : undefined,
    confirmedNotDuplicate: options.confirmedNotDuplicate || undefined,
  };
  // Undefined members are dropped by JSON anyway; dropping them here keeps requests readable in tests.
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as NewParticipant;
}

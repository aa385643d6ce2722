import { type AbstractControl, FormControl, type NonNullableFormBuilder, type ValidationErrors, Validators } from '@angular/forms';
import { NOTE_SECTION_MAX_LENGTH, NOTE_SECTIONS, NoteFormats } from '@waypoint/shared-contracts';
import type { ContactModality, ContactType, NoteFormat, NoteTopic } from '@waypoint/web-participant-data';
import { instantOf, localDateTime, MAX_DURATION_MINUTES, type NoteFields } from './note-fields';

/** Every section of every format has its own control, so switching formats loses no text. */
export const SECTION_NAMES = [...new Set(NoteFormats.flatMap((format) => NOTE_SECTIONS[format]))];

/** The fields with a text (maybe empty) for every section name, as the form holds them. */
export function withAllSections(fields: NoteFields): NoteFields {
  return { ...fields, sections: Object.fromEntries(SECTION_NAMES.map((name) => [name, fields.sections[name] ?? ''])) };
}

/** The form's value for the fields: the start on the person's clock, every section present. */
export function formValueOf(fields: NoteFields, timeZone: string | null): NoteFields {
  const startedAt = fields.startedAt ? localDateTime(new Date(fields.startedAt), timeZone) : '';
  return { ...withAllSections(fields), startedAt };
}

/** The fields for the form's value: the start read on the person's clock as an instant. */
export function fieldsOfForm(value: NoteFields, timeZone: string | null): NoteFields {
  return { ...value, startedAt: instantOf(value.startedAt, timeZone) ?? '' };
}

/**
 * The editor's form: one control per field of NoteFields, with the API's limits (note-input.dto.ts).
 * The start is a `datetime-local` value on the clock of `timeZone` (see formFields/fieldsOfForm).
 */
export function noteForm(fb: NonNullableFormBuilder, timeZone: () => string | null) {
  return fb.group({
    startedAt: ['', [Validators.required, wholeDateTime, notInFuture(timeZone)]],
    durationMinutes: new FormControl<number | null>(null, [Validators.required, Validators.min(1), Validators.max(MAX_DURATION_MINUTES), wholeNumber]),
    contactType: ['individual' as ContactType],
    modality: ['in_person' as ContactModality],
    location: ['', Validators.maxLength(200)],
    format: ['GIRP' as NoteFormat],
    sections: fb.group(Object.fromEntries(SECTION_NAMES.map((name) => [name, fb.control('', Validators.maxLength(NOTE_SECTION_MAX_LENGTH))]))),
    goalIds: [[] as string[]],
    topics: [[] as NoteTopic[]],
    riskConcern: [false],
    riskDetail: ['', Validators.maxLength(2000)],
    naloxoneProvided: [false],
    followUpOn: [''],
    reviewedWithParticipant: [false],
  });
}

function wholeDateTime(control: AbstractControl<string>): ValidationErrors | null {
  return control.value && !instantOf(control.value) ? { dateTime: true } : null;
}

/** The API allows five minutes' slack for clocks that differ. */
function notInFuture(timeZone: () => string | null) {
  return (control: AbstractControl<string>): ValidationErrors | null => {
    const instant = instantOf(control.value, timeZone());
    return instant && new Date(instant).getTime() > Date.now() + 5 * 60_000 ? { future: true } : null;
  };
}

function wholeNumber(control: AbstractControl<number | null>): ValidationErrors | null {
  return control.value !== null && !Number.isInteger(control.value) ? { whole: true } : null;
}

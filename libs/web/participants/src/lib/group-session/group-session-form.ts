import { type AbstractControl, FormArray, FormControl, FormGroup, type NonNullableFormBuilder, type ValidationErrors, Validators } from '@angular/forms';
import { NOTE_SECTION_MAX_LENGTH } from '@waypoint/shared-contracts';
import type { ContactModality, NewGroupSession, NoteTopic } from '@waypoint/web-participant-data';
import { instantOf, localDateTime, MAX_DURATION_MINUTES } from '../notes/note-fields';
import { blankIsMissing } from '../plan/plan-dialogs';

/** Most groups run an hour: 4 units. */
export const GROUP_DEFAULT_MINUTES = 60;
/** The API's limits (note-input.dto.ts, CreateGroupSessionDto). */
export const MAX_ATTENDEES = 20;
export const GROUP_TOPIC_MAX_LENGTH = 200;
export const LOCATION_MAX_LENGTH = 200;
/** The API refuses a start more than five minutes ahead (clocks differ a little). */
const FUTURE_SLACK_MS = 5 * 60_000;

/** One attendee as the form holds them: who, their own Response, and their goals linked. */
export type AttendeeForm = FormGroup<{
  participantId: FormControl<string>;
  response: FormControl<string>;
  goalIds: FormControl<string[]>;
}>;

export function attendeeForm(participantId: string): AttendeeForm {
  return new FormGroup({
    participantId: new FormControl(participantId, { nonNullable: true }),
    response: new FormControl('', { nonNullable: true, validators: Validators.maxLength(NOTE_SECTION_MAX_LENGTH) }),
    goalIds: new FormControl<string[]>([], { nonNullable: true }),
  });
}

/**
 * A group written just after it ended: it began an hour ago (to the five minutes below) on the
 * signed-in person's clock, as `date` (YYYY-MM-DD) and `time` (HH:MM) field values.
 */
export function defaultStart(now: Date, timeZone: string | null): { date: string; time: string } {
  const fiveMinutes = 5 * 60_000;
  const start = new Date(Math.floor((now.getTime() - GROUP_DEFAULT_MINUTES * 60_000) / fiveMinutes) * fiveMinutes);
  const [date, time] = localDateTime(start, timeZone).split('T');
  return { date, time };
}

/** The start the date and time fields name, on the clock of `timeZone`, as an ISO instant; null while incomplete. */
export function startOf(date: string, time: string, timeZone: string | null): string | null {
  return date && time ? instantOf(`${date}T${time.slice(0, 5)}`, timeZone) : null;
}

/**
 * The form: the session's times and place, the shared Goal, Intervention and Plan, the topics,
 * and one group per attendee. The limits are the API's (CreateGroupSessionDto).
 */
export function groupSessionForm(fb: NonNullableFormBuilder, timeZone: () => string | null, now = new Date()) {
  const start = defaultStart(now, timeZone());
  const form = fb.group({
    topic: ['', [Validators.required, blankIsMissing, Validators.maxLength(GROUP_TOPIC_MAX_LENGTH)]],
    date: [start.date, Validators.required],
    time: [start.time, [Validators.required, startNotInFuture(timeZone)]],
    durationMinutes: new FormControl<number | null>(GROUP_DEFAULT_MINUTES, [
      Validators.required,
      Validators.min(1),
      Validators.max(MAX_DURATION_MINUTES),
      wholeNumber,
    ]),
    modality: ['in_person' as ContactModality],
    location: ['', Validators.maxLength(LOCATION_MAX_LENGTH)],
    goal: ['', Validators.maxLength(NOTE_SECTION_MAX_LENGTH)],
    intervention: ['', [Validators.required, blankIsMissing, Validators.maxLength(NOTE_SECTION_MAX_LENGTH)]],
    plan: ['', Validators.maxLength(NOTE_SECTION_MAX_LENGTH)],
    topics: [[] as NoteTopic[]],
    attendees: new FormArray<AttendeeForm>([], [Validators.required, Validators.maxLength(MAX_ATTENDEES)]),
  });
  // The start is checked against the clock with both fields: a new date re-checks the time.
  form.controls.date.valueChanges.subscribe(() => form.controls.time.updateValueAndValidity());
  return form;
}

export type GroupSessionForm = ReturnType<typeof groupSessionForm>;
export type GroupSessionValue = ReturnType<GroupSessionForm['getRawValue']>;

/** What POST /group-sessions gets from the form: text trimmed, blank sections left out. */
export function groupSessionRequest(value: GroupSessionValue, timeZone: string | null): NewGroupSession {
  const text = (input: string) => input.trim() || undefined;
  return {
    topic: value.topic.trim(),
    startedAt: startOf(value.date, value.time, timeZone) ?? '',
    durationMinutes: value.durationMinutes ?? undefined,
    modality: value.modality,
    location: value.location.trim() || null,
    goal: text(value.goal),
    intervention: value.intervention.trim(),
    plan: text(value.plan),
    topics: value.topics,
    attendees: value.attendees.map((attendee) => ({ participantId: attendee.participantId, response: text(attendee.response), goalIds: attendee.goalIds })),
  };
}

/** The time field, read with its sibling date field: a group cannot start in the future. */
function startNotInFuture(timeZone: () => string | null) {
  return (control: AbstractControl<string>): ValidationErrors | null => {
    const date = (control.parent?.get('date')?.value as string | undefined) ?? '';
    const instant = startOf(date, control.value, timeZone());
    return instant && Date.parse(instant) > Date.now() + FUTURE_SLACK_MS ? { future: true } : null;
  };
}

function wholeNumber(control: AbstractControl<number | null>): ValidationErrors | null {
  return control.value !== null && !Number.isInteger(control.value) ? { whole: true } : null;
}

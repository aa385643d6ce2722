import { HttpErrorResponse } from '@angular/common/http';
import { afterNextRender, ChangeDetectionStrategy, Component, computed, DestroyRef, ElementRef, inject, Injector, input, type OnInit, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatChipListbox, MatChipOption } from '@angular/material/chips';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { MatOption, MatSelect } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { billableUnits, billingModifiers, ContactModalities, type NoteTopic, NoteTopics } from '@waypoint/shared-contracts';
import { SessionStore } from '@waypoint/web-auth';
import {
  displayName,
  fieldErrorsFrom,
  type Goal,
  NoteSettingsApi,
  NotesApi,
  ParticipantsApi,
  RecoveryPlanApi,
} from '@waypoint/web-participant-data';
import { PageHeader } from '@waypoint/web-ui';
import { catchError, finalize, map, of } from 'rxjs';
import { newIdempotencyKey } from '../notes/note-autosave';
import { MAX_DURATION_MINUTES } from '../notes/note-fields';
import { modalityLabel, sectionHint, sectionLabel, topicLabel } from '../notes/note-labels';
import { problemText } from '../plan/plan-dialogs';
import { todayIn } from '../status/calendar-date';
import { AttendeePicker, type AttendeeToggle } from './attendee-picker';
import { CaseloadRoster, rosterOrder } from './caseload-roster';
import { type AttendeeForm, attendeeForm, GROUP_TOPIC_MAX_LENGTH, groupSessionForm, groupSessionRequest, MAX_ATTENDEES } from './group-session-form';
import type { GroupSessionSavedState } from './group-session-result-page';

/** An attendee's active goals, as far as they have loaded. */
type GoalsState = { kind: 'loading' } | { kind: 'loaded'; goals: Goal[] } | { kind: 'failed' };

/**
 * Records a group session once: when, where, who came, and the group note (Goal, Intervention,
 * Plan, topics), then each attendee's own Response and goals. Saving makes one draft GIRP note
 * per attendee with the group modifier (POST /group-sessions, all or none); each is then read
 * back and signed on its own. A specialist picks from their caseload, a supervisor from their
 * team's: the participants list is already scoped that way.
 */
@Component({
  selector: 'lib-group-session-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    PageHeader,
    AttendeePicker,
    MatButton,
    MatIconButton,
    MatCheckbox,
    MatChipListbox,
    MatChipOption,
    MatError,
    MatFormField,
    MatHint,
    MatIcon,
    MatInput,
    MatLabel,
    MatOption,
    MatProgressSpinner,
    MatSelect,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './group-session-page.html',
  styleUrl: './group-session-page.scss',
})
export class GroupSessionPage implements OnInit {
  readonly #notes = inject(NotesApi);
  readonly #participants = inject(ParticipantsApi);
  readonly #plans = inject(RecoveryPlanApi);
  readonly #session = inject(SessionStore);
  readonly #router = inject(Router);
  readonly #host = inject<ElementRef<HTMLElement>>(ElementRef);
  readonly #injector = inject(Injector);
  /** `?participant=` (from a participant's Notes tab): chosen to begin with, and the way back. */
  readonly participant = input<string>();

  protected readonly timeZone = computed(() => this.#session.user()?.timeZone ?? null);
  protected readonly today = todayIn(this.#session.user()?.timeZone);
  protected readonly supervisor = this.#session.user()?.role === 'supervisor';
  protected readonly modalities = ContactModalities;
  /** The program's note settings: undefined while they load, null when they could not be read. */
  readonly #noteSettings = toSignal(
    inject(NoteSettingsApi)
      .settings()
      .pipe(catchError(() => of(null))),
  );
  /**
   * The topics offered as chips, the one place this page takes them from: the program's list (the
   * API accepts only those), the built-in one when it cannot be read, none while it loads.
   */
  protected readonly topics = computed<readonly NoteTopic[]>(() => {
    const settings = this.#noteSettings();
    return settings === undefined ? [] : (settings?.topics ?? NoteTopics);
  });
  protected readonly labels = { modality: modalityLabel, topic: topicLabel, section: sectionLabel, hint: sectionHint };
  protected readonly maxAttendees = MAX_ATTENDEES;
  protected readonly maxDuration = MAX_DURATION_MINUTES;
  protected readonly topicMax = GROUP_TOPIC_MAX_LENGTH;

  protected readonly form = groupSessionForm(inject(NonNullableFormBuilder), () => this.timeZone());
  /** One key per form: a retried save (after a timeout, say) records the session once. */
  readonly #key = newIdempotencyKey();

  protected readonly roster = new CaseloadRoster(this.#participants);
  readonly #attendees = toSignal(this.form.controls.attendees.valueChanges.pipe(map(() => this.form.controls.attendees.getRawValue())), {
    initialValue: [],
  });
  protected readonly chosen = computed<ReadonlySet<string>>(() => new Set(this.#attendees().map((attendee) => attendee.participantId)));
  protected readonly goals = signal<Readonly<Record<string, GoalsState>>>({});
  /** Attendees let go keep what was written for them, should they be chosen again. */
  readonly #letGo = new Map<string, AttendeeForm>();

  /** The program's H0038 rule; null when it could not be read (the notes then say their units). */
  protected readonly rule = toSignal(this.#notes.billingRule().pipe(catchError(() => of(null))), { initialValue: null });
  readonly #minutes = toSignal(this.form.controls.durationMinutes.valueChanges, { initialValue: this.form.controls.durationMinutes.value });
  /** Units each attendee's note bills, with the group modifier, as the API will compute them (before its daily cap). */
  protected readonly units = computed(() => {
    const rule = this.rule();
    const minutes = this.#minutes();
    if (!rule || minutes === null || !Number.isInteger(minutes) || minutes < 1) return null;
    return { units: billableUnits(minutes, rule), code: [rule.code, ...billingModifiers({ group: true }, rule)].join(' ') };
  });

  protected readonly problem = signal('');
  protected readonly saving = signal(false);
  /** Whether saving was tried: from then on a missing attendee shows as an error. */
  protected readonly tried = signal(false);

  constructor() {
    this.roster.load();
    inject(DestroyRef).onDestroy(() => this.roster.destroy());
  }

  /** The participant the page was opened for is chosen once read (they may be past the roster's first page). */
  ngOnInit(): void {
    const wanted = this.participant();
    if (!wanted) return;
    this.#participants.get(wanted).subscribe({
      next: (participant) => {
        this.roster.remember(participant);
        this.#choose(participant.id);
      },
      // Out of reach or gone: the page opens with nobody chosen, as from the caseload.
      error: () => undefined,
    });
  }

  protected name(participantId: string): string {
    const row = this.roster.row(participantId);
    return row ? displayName(row) : $localize`Participant`;
  }

  protected pronouns(participantId: string): string | null {
    return this.roster.row(participantId)?.pronouns ?? null;
  }

  protected removeLabel(participantId: string): string {
    return $localize`Remove ${this.name(participantId)}:name:`;
  }

  protected goalsOf(participantId: string): GoalsState {
    return this.goals()[participantId] ?? { kind: 'loading' };
  }

  protected toggle({ participant, chosen }: AttendeeToggle): void {
    if (chosen) this.#choose(participant.id);
    else this.remove(participant.id);
  }

  protected remove(participantId: string): void {
    const attendees = this.form.controls.attendees;
    const index = attendees.controls.findIndex((group) => group.controls.participantId.value === participantId);
    if (index < 0) return;
    this.#letGo.set(participantId, attendees.at(index));
    attendees.removeAt(index);
  }

  protected isLinked(attendee: AttendeeForm, goal: Goal): boolean {
    return attendee.controls.goalIds.value.includes(goal.id);
  }

  protected linkGoal(attendee: AttendeeForm, goal: Goal, linked: boolean): void {
    const ids = attendee.controls.goalIds.value.filter((id) => id !== goal.id);
    attendee.controls.goalIds.setValue(linked ? [...ids, goal.id] : ids);
  }

  protected save(): void {
    if (this.saving()) return;
    this.tried.set(true);
    this.problem.set('');
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.problem.set(this.#missing());
      afterNextRender(() => this.#focusFirstProblem(), { injector: this.#injector });
      return;
    }
    this.saving.set(true);
    this.#notes
      .createGroupSession(groupSessionRequest(this.form.getRawValue(), this.timeZone()), this.#key)
      .pipe(finalize(() => this.saving.set(false)))
      .subscribe({
        next: (session) => {
          const state: GroupSessionSavedState = { savedNotes: session.notes.length };
          // Replacing the form in history: Back cannot reopen it and record the session twice.
          void this.#router.navigate(['/participants/group-sessions', session.id], { replaceUrl: true, state });
        },
        error: (error: unknown) => this.problem.set(this.#describe(error)),
      });
  }

  /** Adds an attendee where they stand by name (as the roster lists them), and loads their active goals. */
  #choose(participantId: string): void {
    const attendees = this.form.controls.attendees;
    if (this.chosen().has(participantId) || attendees.length >= MAX_ATTENDEES) return;
    const key = (id: string) => rosterOrder(this.roster.row(id));
    const before = attendees.controls.findIndex((group) => key(group.controls.participantId.value) > key(participantId));
    const group = this.#letGo.get(participantId) ?? attendeeForm(participantId);
    this.#letGo.delete(participantId);
    if (before < 0) attendees.push(group);
    else attendees.insert(before, group);
    const known = this.goals()[participantId];
    if (!known || known.kind === 'failed') this.#loadGoals(participantId);
  }

  #loadGoals(participantId: string): void {
    const set = (state: GoalsState) => this.goals.update((all) => ({ ...all, [participantId]: state }));
    set({ kind: 'loading' });
    this.#plans
      .plan(participantId)
      .pipe(
        map((plan): GoalsState => ({ kind: 'loaded', goals: plan.goals.filter((goal) => goal.status === 'active') })),
        catchError(() => of<GoalsState>({ kind: 'failed' })),
      )
      .subscribe(set);
  }

  /** What still stops the save, in one sentence. */
  #missing(): string {
    const controls = this.form.controls;
    const parts: string[] = [];
    if (controls.topic.invalid) parts.push($localize`the topic`);
    if (controls.date.invalid || controls.time.invalid || controls.durationMinutes.invalid) parts.push($localize`the date, start time and duration`);
    if (controls.attendees.hasError('required')) parts.push($localize`at least one attendee`);
    if (controls.intervention.invalid) parts.push($localize`the Intervention`);
    if (parts.length === 0) return $localize`Check the fields marked in red.`;
    return $localize`Before saving, fill in ${parts.join(', ')}:missing:.`;
  }

  /** The first field in the way, or the attendees' heading when nobody is chosen (whichever comes first). */
  #focusFirstProblem(): void {
    this.#host.nativeElement.querySelector<HTMLElement>('input.ng-invalid, textarea.ng-invalid, .attendees-heading.invalid')?.focus();
  }

  #describe(error: unknown): string {
    const status = error instanceof HttpErrorResponse ? error.status : null;
    const fields = fieldErrorsFrom(error);
    if (Object.keys(fields).length > 0) return $localize`The group session was not saved: ${Object.values(fields).flat().join(' ')}:problems:`;
    if (status === 404) return $localize`One of the attendees is no longer in your care, so nothing was saved. Remove them and save again.`;
    if (status === 0 || (status !== null && status >= 500)) {
      return $localize`Waypoint could not be reached, so the session may not have been saved. Save again: it will not be recorded twice.`;
    }
    return problemText(error) ?? $localize`The group session could not be saved. Try again.`;
  }
}

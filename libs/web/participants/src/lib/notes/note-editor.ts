import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, input, LOCALE_ID, type OnInit, output, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatChipListbox, MatChipOption } from '@angular/material/chips';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { ContactModalities, ContactTypes, NOTE_SECTIONS, NoteFormats, NoteTopics } from '@waypoint/shared-contracts';
import { SessionStore } from '@waypoint/web-auth';
import { type Goal, NotesApi, type SessionNote } from '@waypoint/web-participant-data';
import { confirmAction } from '@waypoint/web-ui';
import { PLAN_DIALOG_SIZE, problemText } from '../plan/plan-dialogs';
import { type RecordSafetyEventData, RecordSafetyEventDialog, type RecordSafetyEventResult } from '../safety/record-safety-event-dialog';
import { todayIn } from '../status/calendar-date';
import { newIdempotencyKey, NoteAutosave, type SaveState, whyNotSaved } from './note-autosave';
import { confirmedUnits, estimateUnits, sameBilling, type UnitsEstimate } from './note-billing';
import { defaultFields, fieldsFromNote, localDateTime, MAX_DURATION_MINUTES, type NoteFields, offeredTopics, prefilledGoalSection } from './note-fields';
import { fieldsOfForm, formValueOf, noteForm, withAllSections } from './note-form';
import { contactTypeLabel, formatLabel, modalityLabel, sectionHint, sectionLabel, signerLine, topicLabel } from './note-labels';
import { browserStorage, copyToOffer, type NoteLocalCopy, removeCopiesOf, removeLocalCopy } from './note-local-copy';
import { type NoteMergeData, NoteMergeDialog, type NoteMergeResult } from './note-merge-dialog';
import type { NoteEditorContext } from './note-page-loader';
import { type ReadBackData, ReadBackDialog, type ReadBackResult } from './read-back-dialog';

/** The newest note's place, for a new note: most contacts happen where the last one did. */
const lastLocation = (notes: readonly SessionNote[]) => notes.find((note) => note.location)?.location ?? null;

/**
 * Writes a note: a new one or a draft of one's own. Units show live from the times as the API
 * will compute them; the note saves itself as it is written (NoteAutosave), and a change saved
 * elsewhere meanwhile opens the merge view. "Read back" shows it in large print to go through
 * with the participant, then it is signed.
 */
@Component({
  selector: 'lib-note-editor',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButton,
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
    MatRadioButton,
    MatRadioGroup,
    MatSelect,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './note-editor.html',
  styleUrl: './note-editor.scss',
})
export class NoteEditor implements OnInit {
  readonly #api = inject(NotesApi);
  readonly #dialog = inject(MatDialog);
  readonly #session = inject(SessionStore);
  readonly #destroyRef = inject(DestroyRef);
  readonly #locale = inject(LOCALE_ID);
  readonly #storage = browserStorage();

  readonly participantId = input.required<string>();
  /** The draft to go on with; null for a new note. */
  readonly note = input<SessionNote | null>(null);
  readonly context = input.required<NoteEditorContext>();
  /** The draft now exists on the server (the page puts its address in the location bar). */
  readonly created = output<SessionNote>();
  readonly signed = output<SessionNote>();

  protected readonly contactTypes = ContactTypes;
  protected readonly modalities = ContactModalities;
  protected readonly formats = NoteFormats;
  /** The program's topics, and any the note already carries that the program has since dropped. */
  protected readonly topics = computed(() => offeredTopics(this.context().settings?.topics ?? NoteTopics, this.note()?.topics ?? []));
  protected readonly labels = { contactType: contactTypeLabel, modality: modalityLabel, format: formatLabel, section: sectionLabel, hint: sectionHint, topic: topicLabel };
  protected readonly maxDuration = MAX_DURATION_MINUTES;
  protected readonly timeZone = computed(() => this.#session.user()?.timeZone ?? null);
  protected readonly today = todayIn(this.#session.user()?.timeZone);

  protected readonly form = noteForm(inject(NonNullableFormBuilder), () => this.timeZone());
  /** The form's value as a signal, for what is shown live (units, sections of the format). */
  protected readonly fields = signal<NoteFields>(defaultFields(new Date(), null));
  protected readonly sectionNames = computed(() => NOTE_SECTIONS[this.fields().format]);

  readonly #autosave = signal<NoteAutosave | null>(null);
  protected readonly saveState = computed<SaveState>(() => this.#autosave()?.state() ?? { kind: 'new' });
  readonly #saved = computed(() => this.#autosave()?.note() ?? null);
  /** An unsaved copy on this device, offered when the editor opens. */
  protected readonly offer = signal<NoteLocalCopy | null>(null);
  protected readonly problem = signal('');
  protected readonly signing = signal(false);
  /** What recording a safety event from the risk check came to. */
  protected readonly safetySaid = signal('');
  #merging = false;
  #announced = false;

  protected readonly returned = computed(() => {
    const note = this.#saved() ?? this.note();
    return note?.status === 'draft' && note.returnComment ? note : null;
  });

  /** The API's answer while it is about these times; otherwise the live estimate. */
  protected readonly units = computed<UnitsEstimate | null>(() => {
    const fields = this.fields();
    const saved = this.#saved();
    const { rule, recent } = this.context();
    if (saved && sameBilling(fieldsFromNote(saved), fields)) return confirmedUnits(saved, rule);
    return rule ? estimateUnits(fields, rule, recent, saved?.id ?? null, this.#capTimeZone()) : null;
  });
  /** The calendar the API counts the daily cap in: the program's (the same as the session's). */
  readonly #capTimeZone = computed(() => this.context().settings?.timeZone ?? this.timeZone());
  protected readonly dailyCap = computed(() => this.context().rule?.dailyCapUnits ?? null);

  protected readonly saveText = computed(() => {
    const state = this.saveState();
    switch (state.kind) {
      case 'new':
        return $localize`Not saved yet: the draft is saved as you write.`;
      case 'pending':
        return $localize`Unsaved changes`;
      case 'saving':
        return $localize`Saving…`;
      case 'saved':
        return $localize`Saved at ${this.#time(state.at)}:time:`;
      case 'invalid':
        return $localize`Not saved: check the date, time and duration.`;
      case 'offline':
        return state.reason === 'offline'
          ? $localize`Offline — will retry. Your changes are kept on this device.`
          : $localize`Waypoint is not answering — retrying by itself. Your changes are kept on this device.`;
      case 'conflict':
        return $localize`Changed elsewhere — choose what to keep.`;
      case 'failed':
        return state.message;
    }
  });

  constructor() {
    effect(() => {
      const state = this.saveState();
      if (state.kind === 'conflict') untracked(() => this.#merge(state.theirs));
    });
    effect(() => {
      const saved = this.#saved();
      if (saved && !this.note() && !this.#announced) {
        this.#announced = true;
        untracked(() => this.created.emit(saved));
      }
    });
  }

  /**
   * The risk check's concern as a safety event of the participant (an overdose, a crisis, a 988
   * handoff…), started from the detail written here and the day of the contact. The note keeps
   * its own risk check; the event is the participant's record, seen on the Overview and timeline.
   */
  protected recordSafetyEvent(): void {
    const fields = this.#value();
    const day = fields.startedAt ? localDateTime(new Date(fields.startedAt), this.timeZone()).slice(0, 10) : undefined;
    this.#dialog
      .open<RecordSafetyEventDialog, RecordSafetyEventData, RecordSafetyEventResult>(RecordSafetyEventDialog, {
        ...PLAN_DIALOG_SIZE,
        data: { participantId: this.participantId(), timeZone: this.timeZone(), description: fields.riskDetail.trim(), occurredOn: day },
      })
      .afterClosed()
      .subscribe((result) => {
        if (!result) return;
        this.safetySaid.set(
          result.recorded.flagRaised
            ? $localize`Safety event recorded. The participant is now flagged high risk, and the team's supervisor has been told.`
            : $localize`Safety event recorded on the participant's record.`,
        );
      });
  }

  ngOnInit(): void {
    const note = this.note();
    this.#show(note ? fieldsFromNote(note) : defaultFields(new Date(), lastLocation(this.context().recent), this.context().settings?.defaultFormat));
    this.#start(newIdempotencyKey(), note);
    this.offer.set(copyToOffer(this.#storage, this.participantId(), note?.id ?? null, note?.updatedAt ?? null));
    this.form.valueChanges.pipe(takeUntilDestroyed(this.#destroyRef)).subscribe(() => this.#changed());
    this.#destroyRef.onDestroy(() => {
      // Whatever is still waiting goes now; the save lands even though the editor is gone.
      this.#autosave()?.flush();
      this.#autosave()?.dispose();
    });
  }

  /** Leaving a field saves at once rather than after the pause. */
  protected flush(): void {
    this.#autosave()?.flush();
  }

  protected isLinked(goal: Goal): boolean {
    return this.fields().goalIds.includes(goal.id);
  }

  /** Links or unlinks a goal; the Goal section follows the statements while nobody has written in it. */
  protected toggleGoal(goal: Goal, linked: boolean): void {
    const before = this.form.controls.goalIds.value;
    const after = linked ? [...before, goal.id] : before.filter((id) => id !== goal.id);
    const statement = (id: string) => this.context().goals.find((candidate) => candidate.id === id)?.statement ?? '';
    const section = this.form.controls.sections.controls['goal'];
    const filled = prefilledGoalSection(section.value, before.map(statement).filter(Boolean), after.map(statement).filter(Boolean));
    if (filled !== null) section.setValue(filled, { emitEvent: false });
    this.form.controls.goalIds.setValue(after);
  }

  protected restore(): void {
    const copy = this.offer();
    if (!copy) return;
    this.offer.set(null);
    const current = this.#saved();
    if (!copy.noteId || copy.noteId === current?.id) {
      this.#continue(copy, copy.noteId ? current : null);
      return;
    }
    // A copy of another draft (written in a new-note editor that had created it): go on with that draft.
    this.#api.get(copy.noteId).subscribe({
      next: (note) => {
        if (note.status === 'draft') this.#continue(copy, note);
        else {
          removeLocalCopy(this.#storage, this.participantId(), copy.key);
          this.problem.set($localize`That draft has been signed or submitted since; the copy on this device was discarded.`);
        }
      },
      error: (error: unknown) => this.problem.set(problemText(error) ?? $localize`The draft could not be loaded. Try again.`),
    });
  }

  protected discard(): void {
    const copy = this.offer();
    if (copy) removeLocalCopy(this.#storage, this.participantId(), copy.key);
    this.offer.set(null);
  }

  protected readBack(): void {
    this.problem.set('');
    this.flush();
    const units = this.units();
    this.#dialog
      .open<ReadBackDialog, ReadBackData, ReadBackResult>(ReadBackDialog, {
        width: '800px',
        maxWidth: 'calc(100vw - 16px)',
        maxHeight: 'calc(100dvh - 16px)',
        autoFocus: 'first-heading',
        data: {
          fields: this.#value(),
          goals: this.context().goals,
          units: units?.units ?? null,
          code: units?.code ?? 'H0038',
          signer: this.#signer(),
          timeZone: this.timeZone(),
          setReviewed: (reviewed) => {
            this.form.controls.reviewedWithParticipant.setValue(reviewed);
            this.flush();
          },
        },
      })
      .afterClosed()
      .subscribe((result) => {
        if (result === 'sign') this.#confirmSign();
      });
  }

  #confirmSign(): void {
    confirmAction(this.#dialog, {
      title: $localize`Sign as ${this.#signer()}:signer:?`,
      message: $localize`The signature records your name, credential and the time. A signed note is locked; corrections are added as addenda.`,
      confirmLabel: $localize`Sign note`,
    }).subscribe((confirmed) => {
      if (confirmed) void this.#sign();
    });
  }

  async #sign(): Promise<void> {
    const autosave = this.#autosave();
    if (!autosave || this.signing()) return;
    this.signing.set(true);
    let note: SessionNote;
    try {
      note = await autosave.settled();
    } catch (state) {
      this.signing.set(false);
      this.problem.set(whyNotSaved(state as SaveState));
      return;
    }
    this.#api.sign(note).subscribe({
      next: (signed) => {
        removeCopiesOf(this.#storage, this.participantId(), signed.id);
        autosave.dispose();
        this.signed.emit(signed);
      },
      error: (error: unknown) => {
        this.signing.set(false);
        this.problem.set(problemText(error) ?? $localize`The note could not be signed. Try again.`);
      },
    });
  }

  #start(key: string, note: SessionNote | null): void {
    this.#autosave()?.dispose();
    this.#autosave.set(new NoteAutosave({ api: this.#api, participantId: this.participantId(), key, note, storage: this.#storage }));
  }

  /** Goes on from a copy kept on this device; when the draft was saved elsewhere since, through the merge view. */
  #continue(copy: NoteLocalCopy, note: SessionNote | null): void {
    this.#start(copy.key, note);
    const fields = withAllSections(copy.fields);
    this.#show(fields);
    if (note && copy.version !== null && note.version > copy.version) this.#merge(note);
    else this.#autosave()?.change(fields);
  }

  #merge(theirs: SessionNote): void {
    if (this.#merging) return;
    this.#merging = true;
    this.#dialog
      .open<NoteMergeDialog, NoteMergeData, NoteMergeResult>(NoteMergeDialog, {
        width: '720px',
        maxWidth: 'calc(100vw - 16px)',
        disableClose: true,
        autoFocus: 'first-heading',
        data: { mine: this.#value(), theirs, goals: this.context().goals, timeZone: this.timeZone() },
      })
      .afterClosed()
      .subscribe((merged) => {
        this.#merging = false;
        if (!merged) return;
        const fields = withAllSections(merged);
        this.#show(fields);
        this.#autosave()?.resolve(theirs, fields);
      });
  }

  #changed(): void {
    const fields = this.#value();
    this.fields.set(fields);
    // Writing on means this session's text is the one wanted; the copy stays on the device for later.
    this.offer.set(null);
    this.#autosave()?.change(fields);
  }

  /** Puts fields in the form without counting it as a change. */
  #show(fields: NoteFields): void {
    const complete = withAllSections(fields);
    this.form.setValue(formValueOf(complete, this.timeZone()), { emitEvent: false });
    this.fields.set(complete);
  }

  #value(): NoteFields {
    return fieldsOfForm(this.form.getRawValue(), this.timeZone());
  }

  #signer(): string {
    const user = this.#session.user();
    return signerLine(user?.displayName, user?.credentials);
  }

  #time(at: Date): string {
    try {
      return new Intl.DateTimeFormat(this.#locale, { timeStyle: 'short', timeZone: this.timeZone() ?? undefined }).format(at);
    } catch {
      return new Intl.DateTimeFormat(this.#locale, { timeStyle: 'short' }).format(at);
    }
  }
}

import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { NOTE_SECTIONS } from '@waypoint/shared-contracts';
import { type Goal, NotesApi, type SessionNote } from '@waypoint/web-participant-data';
import { confirmAction, DateTimePipe } from '@waypoint/web-ui';
import { problemText } from '../plan/plan-dialogs';
import { CalendarDatePipe } from '../shared/calendar-date.pipe';
import { type AddendumData, AddendumDialog, type AddendumResult } from './addendum-dialog';
import { NoteStatusBadge } from './note-status-badge';
import { contactTypeLabel, modalityLabel, noteBadge, sectionLabel, signerLine, topicLabel } from './note-labels';
import { DailyCapReasonPipe } from './daily-cap-reason.pipe';

/**
 * A note read-only: what it says, its signature and co-signature, and the addenda under it.
 * A signed note is never changed; its author corrects it with an addendum. A submitted note of
 * the reader's own can be signed from here.
 */
@Component({
  selector: 'lib-note-view',
  imports: [MatButton, MatIcon, DateTimePipe, CalendarDatePipe, NoteStatusBadge, DailyCapReasonPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './note-view.html',
  styleUrl: './note-view.scss',
})
export class NoteView {
  readonly #api = inject(NotesApi);
  readonly #dialog = inject(MatDialog);

  readonly note = input.required<SessionNote>();
  /** The participant's goals (any status), to name the linked ones. */
  readonly goals = input<readonly Goal[]>([]);
  readonly timeZone = input<string | null>(null);
  /** Whether the reader wrote the note (and may write): they add addenda, or sign a submitted note. */
  readonly mine = input(false);
  /** The note as it now is, after an addendum or a signature. */
  readonly changed = output<SessionNote>();

  protected readonly badge = computed(() => noteBadge(this.note()));
  protected readonly contactType = computed(() => contactTypeLabel(this.note().contactType));
  protected readonly modality = computed(() => modalityLabel(this.note().modality));
  protected readonly code = computed(() => ['H0038', ...this.note().modifiers].join(' '));
  protected readonly sections = computed(() => NOTE_SECTIONS[this.note().format].map((name) => ({ name, label: sectionLabel(name), text: this.note().sections[name] ?? '' })));
  protected readonly linkedGoals = computed(() =>
    this.note().goalIds.map((id) => this.goals().find((goal) => goal.id === id)?.statement ?? $localize`A goal no longer in the plan`),
  );
  protected readonly topics = computed(() => this.note().topics.map(topicLabel).join(', '));
  protected readonly signature = computed(() => signerLine(this.note().signedByName, this.note().signedByCredential));
  protected readonly locked = computed(() => this.note().status === 'signed' || this.note().status === 'cosigned');
  protected readonly canAddAddendum = computed(() => this.mine() && this.locked());
  protected readonly canSign = computed(() => this.mine() && this.note().status === 'submitted');

  protected readonly notice = signal('');
  protected readonly problem = signal('');
  protected readonly signing = signal(false);

  protected addAddendum(): void {
    this.#say('');
    this.#dialog
      .open<AddendumDialog, AddendumData, AddendumResult>(AddendumDialog, {
        width: '560px',
        maxWidth: 'calc(100vw - 32px)',
        autoFocus: 'first-tabbable',
        data: { noteId: this.note().id },
      })
      .afterClosed()
      .subscribe((result) => {
        if (!result) return;
        this.changed.emit(result.saved);
        this.#say($localize`Addendum added.`);
      });
  }

  /** A submitted note of one's own: signed after a confirmation naming the signer. */
  protected sign(): void {
    const note = this.note();
    confirmAction(this.#dialog, {
      title: $localize`Sign this note?`,
      message: $localize`A signed note is locked; corrections are added as addenda. The signature records your name, credential and the time.`,
      confirmLabel: $localize`Sign note`,
    }).subscribe((confirmed) => {
      if (!confirmed) return;
      this.signing.set(true);
      this.#api.sign(note).subscribe({
        next: (signed) => {
          this.signing.set(false);
          this.changed.emit(signed);
          this.#say($localize`Note signed.`);
        },
        error: (error: unknown) => {
          this.signing.set(false);
          this.#say(problemText(error) ?? $localize`The note could not be signed. Try again.`, true);
        },
      });
    });
  }

  #say(text: string, problem = false): void {
    this.notice.set(problem ? '' : text);
    this.problem.set(problem ? text : '');
  }
}

import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatChipListbox, type MatChipListboxChange, MatChipOption } from '@angular/material/chips';
import { MatIcon } from '@angular/material/icon';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import { SessionStore } from '@waypoint/web-auth';
import { KeysetList } from '@waypoint/web-core';
import { type NoteStatus, NotesApi, type SessionNote } from '@waypoint/web-participant-data';
import { DateTimePipe, EmptyState } from '@waypoint/web-ui';
import { contactTypeLabel, modalityLabel, noteBadge } from './note-labels';
import { NoteStatusBadge } from './note-status-badge';
import { DailyCapReasonPipe } from './daily-cap-reason.pipe';

interface StatusFilter {
  /** The API's status, or '' for every note. */
  status: NoteStatus | '';
  label: string;
}

/** Returned notes are drafts (with the supervisor's comment), so they show under Drafts. */
const FILTERS: readonly StatusFilter[] = [
  { status: '', label: $localize`:Notes filter:All` },
  { status: 'draft', label: $localize`:Notes filter:Drafts` },
  { status: 'submitted', label: $localize`:Notes filter:Submitted` },
  { status: 'signed', label: $localize`:Notes filter:Signed` },
  { status: 'cosigned', label: $localize`:Notes filter:Co-signed` },
];

/**
 * The Notes tab: the participant's session notes, newest first, a page at a time: when, what
 * kind of contact, how long, the units billed, and where each stands. A returned note shows the
 * supervisor's comment. Chips narrow the list to one status.
 */
@Component({
  selector: 'lib-notes-tab',
  imports: [EmptyState, MatButton, MatChipListbox, MatChipOption, MatIcon, MatProgressSpinner, RouterLink, DateTimePipe, NoteStatusBadge, DailyCapReasonPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './notes-tab.html',
  styleUrl: './notes-tab.scss',
})
export class NotesTab {
  readonly #api = inject(NotesApi);
  readonly #session = inject(SessionStore);
  /** The participant's id, from the shell's route. */
  readonly id = input.required<string>();

  protected readonly canWrite = computed(() => this.#session.can('participants:write'));
  protected readonly timeZone = computed(() => this.#session.user()?.timeZone ?? null);
  protected readonly filters = FILTERS;
  protected readonly status = signal<NoteStatus | ''>('');
  protected readonly list = new KeysetList<SessionNote>((cursor) => this.#api.list(this.id(), { status: this.status() || undefined, cursor }));
  protected readonly rows = computed(() =>
    this.list.items().map((note) => ({
      note,
      returned: noteBadge(note) === 'returned',
      contact: `${contactTypeLabel(note.contactType)} · ${modalityLabel(note.modality)}`,
      code: ['H0038', ...note.modifiers].join(' '),
      mine: note.authorId === this.#session.user()?.id,
    })),
  );

  constructor() {
    // From the first page again whenever the participant or the filter changes.
    effect(() => {
      this.id();
      this.status();
      untracked(() => this.list.reload());
    });
  }

  /** Choosing the selected chip again deselects it, which means every note again. */
  protected choose(change: MatChipListboxChange): void {
    this.status.set((change.value as NoteStatus | '' | null | undefined) ?? '');
  }

  protected link(note: SessionNote): string[] {
    return ['/participants', this.id(), 'notes', note.id];
  }
}

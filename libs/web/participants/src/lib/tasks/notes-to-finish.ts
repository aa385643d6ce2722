import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { SessionStore } from '@waypoint/web-auth';
import { type MyNotes, NotesApi } from '@waypoint/web-participant-data';
import { DateTimePipe } from '@waypoint/web-ui';

/** A note in /notes/mine, which names its participant. */
type ListedNote = MyNotes['returned'][number];

/**
 * The top of "My tasks": notes a supervisor returned (with what to fix, who asked and when) and
 * drafts older than the program's limit, each linking to its editor. Each list shows only when
 * it has something; if the notes cannot be read, the tasks below are unaffected and a line says so.
 */
@Component({
  selector: 'lib-notes-to-finish',
  imports: [MatButton, MatIcon, RouterLink, DateTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './notes-to-finish.html',
  styleUrl: './notes-to-finish.scss',
})
export class NotesToFinish {
  readonly #api = inject(NotesApi);
  readonly #store = inject(SessionStore);

  readonly #notes = signal<MyNotes | null>(null);
  protected readonly failed = signal(false);
  protected readonly returned = computed<ListedNote[]>(() => this.#notes()?.returned ?? []);
  protected readonly overdue = computed<ListedNote[]>(() => this.#notes()?.drafts.filter((draft) => draft.overdue) ?? []);
  protected readonly overdueDays = computed(() => this.#notes()?.draftOverdueDays ?? 0);
  protected readonly timeZone = computed(() => this.#store.user()?.timeZone ?? null);
  /** Whether either list is on the page (the page then heads its tasks too). */
  readonly visible = computed(() => this.returned().length > 0 || this.overdue().length > 0);

  constructor() {
    this.load();
  }

  protected load(): void {
    // Only note authors have notes; anyone else would only be refused.
    if (!this.#store.can('participants:write')) return;
    this.failed.set(false);
    this.#api.mine().subscribe({
      next: (notes) => this.#notes.set(notes),
      error: () => this.failed.set(true),
    });
  }

  protected participant(note: ListedNote): string {
    return note.participantName || $localize`A participant`;
  }

  /** Starts with the visible words, so voice control finds it (WCAG 2.5.3). */
  protected fixLabel(note: ListedNote): string {
    return $localize`Fix the note: ${this.participant(note)}:participant:`;
  }

  protected finishLabel(note: ListedNote): string {
    return $localize`Finish the note: ${this.participant(note)}:participant:`;
  }
}

import { BreakpointObserver } from '@angular/cdk/layout';
import { HttpErrorResponse } from '@angular/common/http';
import { afterNextRender, ChangeDetectionStrategy, Component, computed, ElementRef, inject, Injector, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatChipListbox, MatChipOption } from '@angular/material/chips';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { MatTableModule } from '@angular/material/table';
import { SessionStore } from '@waypoint/web-auth';
import { KeysetList } from '@waypoint/web-core';
import { type CosignQueue, type CosignQueueItem, NotesApi } from '@waypoint/web-participant-data';
import { DateTimePipe, EmptyState, PageHeader } from '@waypoint/web-ui';
import { filter, finalize, tap } from 'rxjs';
import { DailyCapReasonPipe } from '../notes/daily-cap-reason.pipe';
import { PLAN_DIALOG_SIZE, problemText } from '../plan/plan-dialogs';
import { CosignNoteReview } from './cosign-note-review';
import { contactTypeLabel, daysSince, modalityLabel, noteStatusLabel } from './note-wording';
import { type ReturnNoteData, ReturnNoteDialog, type ReturnNoteResult } from './return-note-dialog';

/** Below this width (a phone) the queue is a list of cards instead of a table. */
const PHONE_QUERY = '(max-width: 599.98px)';

/** A note the bulk co-sign left alone, and why. */
interface BulkFailure {
  id: string;
  /** Whose note it is, when it was in the list. */
  participantName: string | null;
  authorName: string | null;
  detail: string;
}

/**
 * The supervisor's co-sign queue: their team's submitted and signed notes, oldest first, with how
 * many each specialist has waiting. Opening a note shows it beside the participant's goals, to
 * co-sign (signed notes) or return with a comment (submitted ones); signed notes can also be
 * ticked and co-signed together, each failure named.
 */
@Component({
  selector: 'lib-cosign-queue-page',
  imports: [
    PageHeader,
    EmptyState,
    CosignNoteReview,
    MatTableModule,
    MatButton,
    MatCheckbox,
    MatChipListbox,
    MatChipOption,
    MatIcon,
    MatProgressSpinner,
    DateTimePipe,
    DailyCapReasonPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './cosign-queue-page.html',
  styleUrl: './cosign-queue-page.scss',
})
export class CosignQueuePage {
  readonly #api = inject(NotesApi);
  readonly #dialog = inject(MatDialog);
  readonly #store = inject(SessionStore);
  readonly #breakpoints = inject(BreakpointObserver);
  readonly #host = inject<ElementRef<HTMLElement>>(ElementRef);
  readonly #injector = inject(Injector);

  /** Notes awaiting, per specialist, as the API last counted them (all pages, not only those loaded). */
  protected readonly counts = signal<CosignQueue['counts']>([]);
  protected readonly list = new KeysetList<CosignQueueItem>((cursor) => this.#api.cosignQueue(cursor).pipe(tap((queue) => this.counts.set(queue.counts))));
  /** The specialist whose notes are shown, or null for everyone's. */
  protected readonly author = signal<string | null>(null);
  protected readonly shown = computed(() => {
    const author = this.author();
    return author ? this.list.items().filter((note) => note.authorId === author) : this.list.items();
  });
  protected readonly total = computed(() => this.counts().reduce((sum, count) => sum + count.awaiting, 0));
  /** The note being read. */
  protected readonly openId = signal<string | null>(null);
  /** Notes ticked for "Co-sign selected" (only signed notes can be). */
  protected readonly checked = signal<ReadonlySet<string>>(new Set());
  protected readonly checkedNotes = computed(() => this.list.items().filter((note) => this.checked().has(note.id)));
  protected readonly signable = computed(() => this.shown().filter((note) => note.status === 'signed'));
  protected readonly allChecked = computed(() => this.signable().length > 0 && this.signable().every((note) => this.checked().has(note.id)));
  /** Notes with a command on its way (their buttons wait). */
  protected readonly busy = signal<ReadonlySet<string>>(new Set());
  protected readonly bulkBusy = signal(false);
  /** What the last action did, for the live region. */
  protected readonly message = signal('');
  protected readonly failures = signal<BulkFailure[]>([]);
  protected readonly timeZone = computed(() => this.#store.user()?.timeZone ?? null);

  readonly #phone = toSignal(this.#breakpoints.observe(PHONE_QUERY), { initialValue: null });
  protected readonly phone = computed(() => this.#phone()?.matches ?? this.#breakpoints.isMatched(PHONE_QUERY));
  protected readonly columns = ['select', 'participant', 'author', 'when', 'contact', 'units', 'status', 'age', 'review'];
  protected readonly contactTypeLabel = contactTypeLabel;
  protected readonly modalityLabel = modalityLabel;
  protected readonly statusLabel = noteStatusLabel;

  constructor() {
    this.list.reload();
  }

  protected filterBy(authorId: string | null | undefined): void {
    this.author.set(authorId || null);
  }

  protected toggle(note: CosignQueueItem): void {
    this.openId.update((open) => (open === note.id ? null : note.id));
  }

  protected isOpen(note: CosignQueueItem): boolean {
    return this.openId() === note.id;
  }

  /** Whole days the note has waited since it was submitted (or signed straight from draft). */
  protected waitedDays(note: CosignQueueItem): number {
    return daysSince(note.submittedAt ?? note.signedAt ?? note.createdAt, this.timeZone());
  }

  /** Starts with the visible words, so voice control finds it (WCAG 2.5.3). */
  protected reviewLabel(note: CosignQueueItem): string {
    return this.isOpen(note) ? $localize`Hide: ${this.#describe(note)}:note:` : $localize`Review: ${this.#describe(note)}:note:`;
  }

  protected selectLabel(note: CosignQueueItem): string {
    return $localize`Select ${this.#describe(note)}:note:`;
  }

  protected isChecked(note: CosignQueueItem): boolean {
    return this.checked().has(note.id);
  }

  protected check(note: CosignQueueItem, on: boolean): void {
    this.checked.update((ids) => (on ? new Set([...ids, note.id]) : new Set([...ids].filter((id) => id !== note.id))));
  }

  protected clearSelection(): void {
    this.checked.set(new Set());
  }

  protected checkAll(on: boolean): void {
    const ids = this.signable().map((note) => note.id);
    this.checked.update((checked) => (on ? new Set([...checked, ...ids]) : new Set([...checked].filter((id) => !ids.includes(id)))));
  }

  protected isBusy(note: CosignQueueItem): boolean {
    return this.bulkBusy() || this.busy().has(note.id);
  }

  protected cosign(note: CosignQueueItem): void {
    if (this.isBusy(note)) return;
    this.#setBusy(note.id, true);
    this.#api.cosign(note).subscribe({
      next: () => {
        this.#setBusy(note.id, false);
        this.#done([note.id]);
        this.message.set($localize`Co-signed ${this.#describe(note)}:note:.`);
      },
      error: (error: unknown) => {
        this.#setBusy(note.id, false);
        this.#refused(error, $localize`The note could not be co-signed. Check your connection and try again.`);
      },
    });
  }

  protected returnNote(note: CosignQueueItem): void {
    if (this.isBusy(note)) return;
    this.#dialog
      .open<ReturnNoteDialog, ReturnNoteData, ReturnNoteResult>(ReturnNoteDialog, { ...PLAN_DIALOG_SIZE, data: { note, timeZone: this.timeZone() } })
      .afterClosed()
      .pipe(filter((result): result is ReturnNoteResult => result !== undefined))
      .subscribe((result) => {
        if ('conflict' in result) {
          this.message.set($localize`${result.conflict}:problem: The queue has been refreshed.`);
          this.list.reload();
          return;
        }
        this.#done([note.id]);
        this.message.set($localize`Returned the note for ${note.participantName}:participant: to ${note.authorName}:author: with your comment.`);
      });
  }

  /** Each note is its own command: those that went through leave the list, the rest are named with why. */
  protected cosignSelected(): void {
    const notes = this.checkedNotes();
    if (notes.length === 0 || this.bulkBusy()) return;
    this.bulkBusy.set(true);
    this.failures.set([]);
    this.#api
      .cosignMany(notes)
      .pipe(finalize(() => this.bulkBusy.set(false)))
      .subscribe({
        next: (result) => {
          const byId = new Map(notes.map((note) => [note.id, note]));
          this.checked.set(new Set());
          this.#done(result.cosigned.map((note) => note.id));
          const count = result.cosigned.length;
          this.message.set(count === 1 ? $localize`Co-signed 1 note.` : $localize`Co-signed ${count}:count: notes.`);
          this.failures.set(
            result.failed.map((failure) => {
              const note = byId.get(failure.id);
              return { id: failure.id, participantName: note?.participantName ?? null, authorName: note?.authorName ?? null, detail: failure.detail };
            }),
          );
          // A stale version or a note someone else moved: read the queue again as it now is.
          if (result.failed.length > 0) this.list.reload();
        },
        error: (error: unknown) => this.#refused(error, $localize`The notes could not be co-signed. Check your connection and try again.`),
      });
  }

  /**
   * Takes notes that were co-signed or returned off the queue and its counts. When the open one
   * goes, the next one opens in its place, so the reviewer can read on.
   */
  #done(ids: string[]): void {
    const gone = new Set(ids);
    const shown = this.shown();
    const open = this.openId();
    const openIndex = open && gone.has(open) ? shown.findIndex((note) => note.id === open) : -1;
    const next = openIndex >= 0 ? shown.slice(openIndex + 1).find((note) => !gone.has(note.id)) : undefined;

    const leaving = this.list.items().filter((note) => gone.has(note.id));
    this.list.items.update((items) => items.filter((note) => !gone.has(note.id)));
    this.checked.update((checked) => new Set([...checked].filter((id) => !gone.has(id))));
    this.counts.update((counts) =>
      counts
        .map((count) => ({ ...count, awaiting: count.awaiting - leaving.filter((note) => note.authorId === count.authorId).length }))
        .filter((count) => count.awaiting > 0),
    );
    if (this.author() && !this.counts().some((count) => count.authorId === this.author())) this.author.set(null);
    if (openIndex >= 0) {
      this.openId.set(next?.id ?? null);
      // The button that was pressed has gone with its note: read on in the next one, or go back to the list.
      afterNextRender(
        () => {
          const host = this.#host.nativeElement;
          (host.querySelector<HTMLElement>('lib-cosign-note-review h2') ?? host.querySelector<HTMLElement>('button.toggle'))?.focus();
        },
        { injector: this.#injector },
      );
    }
  }

  #refused(error: unknown, fallback: string): void {
    const words = problemText(error);
    if (error instanceof HttpErrorResponse && error.status === 409) {
      const problem = words ?? $localize`This note changed since the queue was loaded.`;
      this.message.set($localize`${problem}:problem: The queue has been refreshed.`);
      this.list.reload();
    } else {
      this.message.set(words ?? fallback);
    }
  }

  /** "the note for Marcus Bell by Jordan Avery": names a note in messages and labels. */
  #describe(note: CosignQueueItem): string {
    return $localize`the note for ${note.participantName}:participant: by ${note.authorName}:author:`;
  }

  #setBusy(id: string, on: boolean): void {
    this.busy.update((ids) => (on ? new Set([...ids, id]) : new Set([...ids].filter((other) => other !== id))));
  }
}

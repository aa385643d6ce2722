import { BreakpointObserver } from '@angular/cdk/layout';
import { HttpErrorResponse } from '@angular/common/http';
import { afterNextRender, ChangeDetectionStrategy, Component, computed, ElementRef, inject, Injector, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatChipListbox, MatChipOption } from '@angular/material/chips';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatIcon } from '@angular/material/icon';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { SessionStore } from '@waypoint/web-auth';
import { KeysetList } from '@waypoint/web-core';
import { PROGRAM_TIME_ZONE } from '@waypoint/web-clock';
import { EmptyState, PageHeader, RiskBadge } from '@waypoint/web-ui';
import {
  CareWorkApi,
  displayName,
  ParticipantsApi,
  statusLabel,
  type CaseloadFilters,
  type CaseloadRow,
  type CaseloadSort,
  type FollowUpTask,
  type ParticipantPage,
  type ParticipantSummary,
} from '@waypoint/web-participant-data';
import { type Observable, of, Subscription, switchMap, tap } from 'rxjs';
import { CaseloadNextTask, type CaseloadTask } from './caseload-next-task';
import { LastContact } from './last-contact';
import { todayIn } from '../status/calendar-date';

/** Below this width (a phone) the caseload is a list of cards instead of a table. */
const PHONE_QUERY = '(max-width: 599.98px)';

/** The BARC-10 total at and above which recovery is more likely to be sustained. */
const BARC_THRESHOLD = 47;

const PAGE_SIZE = 25;
/** The most rows the API sends in one page. */
const MAX_PAGE_SIZE = 100;
/** Until the API says otherwise: the program's "no contact for too long", in days. */
const DEFAULT_CONTACT_OVERDUE_DAYS = 14;
/** How long "Task done" stays up with its Undo. */
const UNDO_MS = 8000;

/**
 * The participants in the caller's care-team scope: a specialist's own caseload, a supervisor's
 * team. Each row shows the last contact (flagged past the program's threshold), the next
 * follow-up with "Mark done", open goals, the latest BARC-10 and the high-risk flag; search by
 * name or date of birth, narrow to the flagged or overdue, and sort.
 */
@Component({
  selector: 'lib-caseload-page',
  imports: [
    PageHeader,
    EmptyState,
    RiskBadge,
    LastContact,
    CaseloadNextTask,
    MatFormField,
    MatLabel,
    MatInput,
    MatSelect,
    MatOption,
    MatChipListbox,
    MatChipOption,
    MatTableModule,
    MatButton,
    MatIcon,
    MatProgressSpinner,
    RouterLink,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './caseload-page.html',
  styleUrl: './caseload-page.scss',
})
export class CaseloadPage {
  readonly #api = inject(ParticipantsApi);
  readonly #careWork = inject(CareWorkApi);
  readonly #snackBar = inject(MatSnackBar);
  readonly #breakpoints = inject(BreakpointObserver);
  readonly #host = inject<ElementRef<HTMLElement>>(ElementRef);
  readonly #injector = inject(Injector);
  readonly #programZone = inject(PROGRAM_TIME_ZONE);
  /** Whether the caller may take in a new participant (intake). */
  protected readonly canAdd = inject(SessionStore).can('participants:write');

  /** What the list is narrowed to and how it is ordered; changing it starts again from the first page. */
  protected readonly filters = signal<CaseloadFilters>({});
  /** The caseload so far, page by page. */
  protected readonly list = new KeysetList<CaseloadRow>((cursor) => this.#page(cursor, PAGE_SIZE));
  /** The program's "no contact for too long", as the API last said. */
  protected readonly contactOverdueDays = signal(DEFAULT_CONTACT_OVERDUE_DAYS);
  /** Tasks being saved (their button waits). */
  protected readonly saving = signal<ReadonlySet<string>>(new Set());
  #searchTimer?: ReturnType<typeof setTimeout>;
  #refreshing = new Subscription();

  readonly #phone = toSignal(this.#breakpoints.observe(PHONE_QUERY), { initialValue: null });
  protected readonly phone = computed(() => this.#phone()?.matches ?? this.#breakpoints.isMatched(PHONE_QUERY));
  protected readonly columns = ['name', 'status', 'lastContact', 'followUp', 'goals', 'barc'];
  protected readonly barcThreshold = BARC_THRESHOLD;
  /** Whether anything narrows the list (the order alone does not). */
  protected readonly filtered = computed(() => Object.entries(this.filters()).some(([key, value]) => key !== 'sort' && !!value));
  protected readonly sort = computed<CaseloadSort>(() => this.filters().sort ?? 'name');
  protected readonly sortOptions: readonly { value: CaseloadSort; label: string }[] = [
    { value: 'name', label: $localize`:Caseload order:Name` },
    { value: 'lastContact', label: $localize`:Caseload order:Longest without contact` },
    { value: 'nextFollowUp', label: $localize`:Caseload order:Next follow-up` },
  ];
  protected readonly displayName = displayName;
  protected readonly statusLabel = statusLabel;
  /** Rows keep their DOM across a refresh, so focus and scroll stay where they were. */
  protected readonly trackById = (_index: number, row: CaseloadRow) => row.id;

  constructor() {
    this.list.reload();
  }

  /** The legal name, when the person goes by another one. */
  protected legalName(participant: ParticipantSummary): string | null {
    return participant.preferredName ? `${participant.legalFirstName} ${participant.legalLastName}` : null;
  }

  /** Waits for a pause in typing, so each keystroke is not a request. */
  protected searchFor(text: string): void {
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => this.#narrow({ search: text.trim() || undefined }), 300);
  }

  protected toggleRisk(on: boolean): void {
    this.#narrow({ risk: on ? 'high' : undefined });
  }

  protected toggleOverdue(on: boolean): void {
    this.#narrow({ followUp: on ? 'overdue' : undefined });
  }

  protected toggleNoContact(on: boolean): void {
    this.#narrow({ contact: on ? 'overdue' : undefined });
  }

  /** Name order is the API's default, so it is not sent. */
  protected sortBy(sort: CaseloadSort): void {
    this.#narrow({ sort: sort === 'name' ? undefined : sort });
  }

  /**
   * "Overdue", "Today" or the date, for a follow-up (a calendar date, no time-zone shift).
   * Overdue from the program's midnight, as the API counts it, not the browser's.
   */
  protected followUp(row: CaseloadRow): { text: string; overdue: boolean } | null {
    if (!row.nextFollowUp) return null;
    const [year, month, day] = row.nextFollowUp.split('-').map(Number);
    const due = new Date(year, month - 1, day);
    const text = due.toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
    return { text, overdue: row.nextFollowUp < todayIn(this.#programZone()) };
  }

  protected isSaving(task: CaseloadTask): boolean {
    return this.saving().has(task.id);
  }

  /** Completes the row's next task, then shows the row's new next task; "Undo" reopens it. */
  protected markDone(row: CaseloadRow, task: CaseloadTask): void {
    if (this.isSaving(task)) return;
    this.#setSaving(task.id, true);
    this.#careWork.setTaskDone(task, true).subscribe({
      next: (updated) => {
        this.#setSaving(task.id, false);
        this.#refresh(row.id);
        this.#snackBar
          .open($localize`Task done`, $localize`:Snackbar action:Undo`, { duration: UNDO_MS })
          .onAction()
          .subscribe(() => this.#reopen(updated));
      },
      error: (error: unknown) => {
        this.#setSaving(task.id, false);
        this.#failed(error, row.id);
      },
    });
  }

  /** Undo: the task again as it was, with the version the completion returned. */
  #reopen(task: FollowUpTask): void {
    this.#careWork.setTaskDone(task, false).subscribe({
      next: () => {
        this.#refresh(task.participantId);
        this.#snackBar.open($localize`Task open again`, undefined, { duration: 4000 });
      },
      error: (error: unknown) => this.#failed(error, task.participantId),
    });
  }

  #failed(error: unknown, participantId: string): void {
    const conflict = error instanceof HttpErrorResponse && error.status === 409;
    this.#snackBar.open(
      conflict ? $localize`Someone changed this task; refreshed.` : $localize`The task could not be saved. Check your connection and try again.`,
      undefined,
      { duration: 6000 },
    );
    this.#refresh(participantId);
  }

  #page(cursor: string | null, limit: number): Observable<ParticipantPage> {
    return this.#api.list(cursor, limit, this.filters()).pipe(
      tap((page) => {
        if (page.contactOverdueDays) this.contactOverdueDays.set(page.contactOverdueDays);
      }),
    );
  }

  /**
   * Reads again as many rows as are shown, and swaps them in without a spinner, so the filters,
   * the scroll position and keyboard focus stay. If the focused button went away with its task,
   * focus moves to that participant's link rather than falling to the top of the page.
   */
  #refresh(participantId: string): void {
    const wanted = Math.max(this.list.items().length, PAGE_SIZE);
    const read = (cursor: string | null, rows: CaseloadRow[]): Observable<{ rows: CaseloadRow[]; nextCursor: string | null }> =>
      this.#page(cursor, Math.min(wanted - rows.length, MAX_PAGE_SIZE)).pipe(
        switchMap((page) => {
          const all = [...rows, ...page.items];
          return page.nextCursor && all.length < wanted ? read(page.nextCursor, all) : of({ rows: all, nextCursor: page.nextCursor });
        }),
      );
    this.#refreshing.unsubscribe();
    this.#refreshing = read(null, []).subscribe({
      next: ({ rows, nextCursor }) => {
        this.list.items.set(rows);
        this.list.nextCursor.set(nextCursor);
        afterNextRender(() => this.#keepFocus(participantId), { injector: this.#injector });
      },
      error: () => this.list.reload(),
    });
  }

  #keepFocus(participantId: string): void {
    const host = this.#host.nativeElement;
    const active = host.ownerDocument.activeElement;
    if (active && active !== host.ownerDocument.body) return;
    [...host.querySelectorAll<HTMLElement>('a[data-participant]')].find((link) => link.dataset['participant'] === participantId)?.focus();
  }

  #setSaving(id: string, on: boolean): void {
    this.saving.update((ids) => (on ? new Set([...ids, id]) : new Set([...ids].filter((other) => other !== id))));
  }

  #narrow(change: Partial<CaseloadFilters>): void {
    this.#refreshing.unsubscribe();
    this.filters.update((current) => ({ ...current, ...change }));
    this.list.reload();
  }
}

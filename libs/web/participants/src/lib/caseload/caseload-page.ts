import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatChipListbox, MatChipOption } from '@angular/material/chips';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatIcon } from '@angular/material/icon';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { SessionStore } from '@waypoint/web-auth';
import { KeysetList } from '@waypoint/web-core';
import { EmptyState, PageHeader, RiskBadge } from '@waypoint/web-ui';
import { statusLabel, ParticipantsApi, displayName, type CaseloadFilters, type CaseloadRow, type ParticipantSummary } from '@waypoint/web-participant-data';

/** Below this width (a phone) the caseload is a list of cards instead of a table. */
const PHONE_QUERY = '(max-width: 599.98px)';

/** The BARC-10 total at and above which recovery is more likely to be sustained. */
const BARC_THRESHOLD = 47;

/**
 * The participants in the caller's care-team scope: a specialist's own caseload, a supervisor's
 * team. Each row shows the next follow-up (overdue in red), open goals, the latest BARC-10 and
 * the high-risk flag; search by name or date of birth, and narrow to the flagged or overdue.
 * Last-contact dates arrive with session notes.
 */
@Component({
  selector: 'lib-caseload-page',
  imports: [PageHeader, EmptyState, RiskBadge, MatFormField, MatLabel, MatInput, MatChipListbox, MatChipOption, MatTableModule, MatButton, MatIcon, MatProgressSpinner, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './caseload-page.html',
  styleUrl: './caseload-page.scss',
})
export class CaseloadPage {
  readonly #api = inject(ParticipantsApi);
  readonly #breakpoints = inject(BreakpointObserver);
  /** Whether the caller may take in a new participant (intake). */
  protected readonly canAdd = inject(SessionStore).can('participants:write');

  /** What the list is narrowed to; changing it starts again from the first page. */
  protected readonly filters = signal<CaseloadFilters>({});
  /** The caseload so far, page by page. */
  protected readonly list = new KeysetList<CaseloadRow>((cursor) => this.#api.list(cursor, 25, this.filters()));
  #searchTimer?: ReturnType<typeof setTimeout>;

  readonly #phone = toSignal(this.#breakpoints.observe(PHONE_QUERY), { initialValue: null });
  protected readonly phone = computed(() => this.#phone()?.matches ?? this.#breakpoints.isMatched(PHONE_QUERY));
  protected readonly columns = ['name', 'status', 'followUp', 'goals', 'barc'];
  protected readonly barcThreshold = BARC_THRESHOLD;
  protected readonly filtered = computed(() => Object.values(this.filters()).some(Boolean));
  protected readonly displayName = displayName;
  protected readonly statusLabel = statusLabel;

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

  /** "Overdue", "Today" or the date, for a follow-up (a calendar date, no time-zone shift). */
  protected followUp(row: CaseloadRow): { text: string; overdue: boolean } | null {
    if (!row.nextFollowUp) return null;
    const [year, month, day] = row.nextFollowUp.split('-').map(Number);
    const due = new Date(year, month - 1, day);
    const today = new Date();
    today.setHours(0, 0, 0, 0);
    const text = due.toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
    return { text, overdue: due < today };
  }

  #narrow(change: Partial<CaseloadFilters>): void {
    this.filters.update((current) => ({ ...current, ...change }));
    this.list.reload();
  }
}

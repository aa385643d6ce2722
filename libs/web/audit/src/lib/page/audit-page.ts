import { BreakpointObserver } from '@angular/cdk/layout';
import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { SessionStore } from '@waypoint/web-auth';
import { actionLabel, AuditApi, type AuditEventView, type AuditFilters, type AuditScope, outcomeLabel } from '@waypoint/web-audit-data';
import { KeysetList } from '@waypoint/web-core';
import { canonicalZone, PROGRAM_TIME_ZONE } from '@waypoint/web-clock';
import { DateTimePipe, EmptyState, PageHeader, roleLabel } from '@waypoint/web-ui';
import { AuditEventDialog } from '../detail/audit-event-dialog';
import { type AuditFilterValue, defaultFilterValue, toAuditFilters } from '../filters/audit-filter-value';
import { AuditFiltersForm } from '../filters/audit-filters';
import { ChainCheck } from '../verify/chain-check';

/** Below this width the table keeps one column for the event and one for its outcome. */
const NARROW_QUERY = '(max-width: 719.98px)';

/**
 * The audit trail, newest first: admins search the whole program (and download it as CSV and
 * verify its hash chain), supervisors the events about their team's participants.
 */
@Component({
  selector: 'lib-audit-page',
  imports: [PageHeader, EmptyState, AuditFiltersForm, ChainCheck, MatTableModule, NgTemplateOutlet, RouterLink, MatButton, MatIcon, MatProgressSpinner, DateTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './audit-page.html',
  styleUrl: './audit-page.scss',
})
export class AuditPage implements OnInit {
  readonly #api = inject(AuditApi);
  readonly #programZone = inject(PROGRAM_TIME_ZONE);
  readonly #dialog = inject(MatDialog);
  readonly #breakpoints = inject(BreakpointObserver);

  /** `?participantId=`, from a participant's "Recent access" card. */
  readonly participantId = input<string>();

  /** The whole program with `audit:read`, otherwise the team (`caseload:team`); the route admits no one else. */
  protected readonly scope: AuditScope = inject(SessionStore).can('audit:read') ? 'program' : 'team';
  protected readonly initial = signal<AuditFilterValue | null>(null);
  /** The filters the list shows, as last applied (not as being edited). */
  protected readonly filters = signal<AuditFilters>({});
  protected readonly list = new KeysetList<AuditEventView>((cursor) => this.#api.events(this.scope, this.filters(), cursor));
  protected readonly csvUrl = computed(() => this.#api.csvUrl(this.filters()));

  readonly #narrow = toSignal(this.#breakpoints.observe(NARROW_QUERY), { initialValue: null });
  protected readonly narrow = computed(() => this.#narrow()?.matches ?? this.#breakpoints.isMatched(NARROW_QUERY));
  protected readonly columns = computed(() => (this.narrow() ? ['event', 'outcome'] : ['time', 'who', 'action', 'participant', 'outcome']));
  protected readonly actionLabel = actionLabel;
  protected readonly outcomeLabel = outcomeLabel;
  protected readonly roleLabel = roleLabel;
  protected readonly programDescription = $localize`Every access to protected data and every security event in your program, newest first.`;
  protected readonly teamDescription = $localize`Who opened or changed the records of your team's participants, newest first.`;

  /** Inputs are bound by now, so a participant from the link is in the first search. */
  ngOnInit(): void {
    // The filter inputs are on the clock the table shows times in: the program's.
    const zone = canonicalZone(this.#programZone());
    const initial = defaultFilterValue(new Date(), this.participantId() ?? '', zone);
    this.initial.set(initial);
    this.apply(toAuditFilters(initial, zone));
  }

  protected apply(filters: AuditFilters): void {
    this.filters.set(filters);
    this.list.reload();
  }

  protected open(event: AuditEventView): void {
    this.#dialog.open(AuditEventDialog, {
      data: event,
      position: { right: '0' },
      width: '480px',
      maxWidth: '100vw',
      height: '100%',
      maxHeight: '100vh',
      autoFocus: 'first-heading',
    });
  }

  protected shortId(id: string): string {
    return id.slice(0, 8);
  }
}

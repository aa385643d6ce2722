import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { SessionStore } from '@waypoint/web-auth';
import { KeysetList } from '@waypoint/web-core';
import { EmptyState, PageHeader } from '@waypoint/web-ui';
import { statusLabel, ParticipantsApi, displayName, type ParticipantSummary } from '@waypoint/web-participant-data';

/** Below this width (a phone) the caseload is a list of cards instead of a table. */
const PHONE_QUERY = '(max-width: 599.98px)';

/**
 * The participants in the caller's care-team scope: a specialist's own caseload, a
 * supervisor's team. Search, filters and last-contact dates arrive with the participants issue.
 */
@Component({
  selector: 'lib-caseload-page',
  imports: [PageHeader, EmptyState, MatTableModule, MatButton, MatIcon, MatProgressSpinner, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './caseload-page.html',
  styleUrl: './caseload-page.scss',
})
export class CaseloadPage {
  readonly #api = inject(ParticipantsApi);
  readonly #breakpoints = inject(BreakpointObserver);
  /** Whether the caller may take in a new participant (intake). */
  protected readonly canAdd = inject(SessionStore).can('participants:write');

  /** The caseload so far, page by page. */
  protected readonly list = new KeysetList<ParticipantSummary>((cursor) => this.#api.list(cursor));

  readonly #phone = toSignal(this.#breakpoints.observe(PHONE_QUERY), { initialValue: null });
  protected readonly phone = computed(() => this.#phone()?.matches ?? this.#breakpoints.isMatched(PHONE_QUERY));
  protected readonly columns = ['name', 'pronouns', 'status'];
  protected readonly displayName = displayName;
  protected readonly statusLabel = statusLabel;

  constructor() {
    this.list.reload();
  }

  /** The legal name, when the person goes by another one. */
  protected legalName(participant: ParticipantSummary): string | null {
    return participant.preferredName ? `${participant.legalFirstName} ${participant.legalLastName}` : null;
  }
}

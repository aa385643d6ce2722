import { signal } from '@angular/core';
import type { CaseloadRow, ParticipantPage, ParticipantsApi } from '@waypoint/web-participant-data';
import { catchError, map, of, Subject, type Subscription, switchMap, timer } from 'rxjs';

/** The most rows the API sends in one page. */
export const ROSTER_PAGE_SIZE = 100;
/** How long typing pauses before the API is asked (only when the roster is not all here). */
export const ROSTER_SEARCH_DELAY_MS = 250;

/** A key that orders people as the roster lists them: by legal last name, then first name. */
export function rosterOrder(row: CaseloadRow | undefined): string {
  return row ? `${row.legalLastName}\u0000${row.legalFirstName}\u0000${row.id}`.toLowerCase() : '\uffff';
}

interface RosterRequest {
  search: string;
  /** Null for a search's first page. */
  cursor: string | null;
  delayMs: number;
}

/**
 * Whom the caller may choose as attendees, one page at a time. The API decides whose: a
 * specialist's own caseload, a supervisor's team's (there is no scope parameter to send).
 *
 * When everyone fits in the first page (every caseload, most teams) the picker narrows that list
 * as a name is typed, with no request. Past that, typing asks the API (its name or date of birth
 * search) and "Show more" reads the next page, so there is no silent cap, and only the people
 * shown are read (and audited), not a whole program's worth to choose a dozen.
 */
export class CaseloadRoster {
  /** The candidates for what was typed; null until the first page arrives. */
  readonly rows = signal<readonly CaseloadRow[] | null>(null);
  /** Whether the API holds more candidates than `rows` (a "Show more" is due). */
  readonly more = signal(false);
  /** A search or next page is on its way. */
  readonly busy = signal(false);
  readonly failed = signal(false);
  /** Whether the unfiltered first page held everyone: then the picker narrows it by itself. */
  readonly allHere = signal(false);
  /** The search `rows` answer ('' for none). */
  readonly answers = signal('');

  readonly #api: Pick<ParticipantsApi, 'list'>;
  /** Every row seen, by id: a chosen attendee keeps their name when a later search hides them. */
  readonly #seen = new Map<string, CaseloadRow>();
  /** What was last typed, trimmed; `#search` is what the rows answer (or are being fetched for). */
  #typed = '';
  #search = '';
  #cursor: string | null = null;
  readonly #requests = new Subject<RosterRequest>();
  readonly #subscription: Subscription;

  constructor(api: Pick<ParticipantsApi, 'list'>) {
    this.#api = api;
    // switchMap: a newer search (or a retry) drops an older one still waiting or in flight.
    this.#subscription = this.#requests
      .pipe(
        switchMap((request) =>
          (request.delayMs > 0 ? timer(request.delayMs) : of(0)).pipe(
            switchMap(() => this.#api.list(request.cursor, ROSTER_PAGE_SIZE, request.search ? { search: request.search } : {})),
            map((page: ParticipantPage) => ({ request, page })),
            catchError(() => of({ request, page: null })),
          ),
        ),
      )
      .subscribe(({ request, page }) => this.#receive(request, page));
  }

  /** The first page, unfiltered; what was typed before a failure is searched again once it arrives. */
  load(): void {
    this.allHere.set(false);
    this.#search = '';
    this.#cursor = null;
    this.more.set(false);
    this.rows.set(null);
    this.#send({ search: '', cursor: null, delayMs: 0 });
  }

  /** What was typed; asks the API after a pause, unless everyone is already here. */
  search(text: string): void {
    this.#typed = text.trim();
    // Before the first page arrives it is not known whether a request is needed: #receive decides.
    if (this.allHere() || this.rows() === null || this.#typed === this.#search) return;
    this.#search = this.#typed;
    this.#send({ search: this.#search, cursor: null, delayMs: ROSTER_SEARCH_DELAY_MS });
  }

  /** The next page of the current search. */
  showMore(): void {
    if (!this.#cursor || this.busy()) return;
    this.#send({ search: this.#search, cursor: this.#cursor, delayMs: 0 });
  }

  /** Any participant this roster has shown (or been told of), by id. */
  row(id: string): CaseloadRow | undefined {
    return this.#seen.get(id);
  }

  /** A participant read elsewhere (the one the page was opened for), so their name is known. */
  remember(row: CaseloadRow): void {
    this.#seen.set(row.id, row);
  }

  destroy(): void {
    this.#subscription.unsubscribe();
  }

  #send(request: RosterRequest): void {
    this.failed.set(false);
    this.busy.set(true);
    this.#requests.next(request);
  }

  #receive(request: RosterRequest, page: ParticipantPage | null): void {
    this.busy.set(false);
    if (!page) {
      this.failed.set(true);
      return;
    }
    for (const row of page.items) this.#seen.set(row.id, row);
    const firstPage = this.rows() === null;
    if (firstPage) this.allHere.set(page.nextCursor === null);
    this.rows.update((rows) => (request.cursor ? [...(rows ?? []), ...page.items] : page.items));
    this.answers.set(request.search);
    this.#cursor = page.nextCursor;
    this.more.set(page.nextCursor !== null);
    // A name typed while the first page loaded, which turned out not to hold everyone.
    if (firstPage && !this.allHere() && this.#typed !== this.#search) this.search(this.#typed);
  }
}

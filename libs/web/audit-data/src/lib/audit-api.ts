import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { withoutProblemSnackbar } from '@waypoint/web-core';
import { map, type Observable } from 'rxjs';
import type {
  AccessHistory,
  AccessHistoryEntry,
  AuditEventPage,
  AuditFilters,
  AuditScope,
  ChainVerification,
} from './audit.models';

const AUDIT = '/api/v1/audit';
/** The API's default page size; it serves at most 100. */
export const AUDIT_PAGE_SIZE = 50;

const EVENTS: Record<AuditScope, string> = {
  program: `${AUDIT}/events`,
  team: `${AUDIT}/team-events`,
};

/**
 * The filters as query parameters, in a fixed order and without empty ones, so the list and
 * the CSV link ask exactly the same question.
 */
export function auditQuery(filters: AuditFilters): HttpParams {
  let params = new HttpParams();
  for (const key of ['from', 'to', 'actorId', 'participantId', 'action', 'outcome'] as const) {
    const value = filters[key];
    if (value) params = params.set(key, value);
  }
  return params;
}

/** Typed calls for the audit trail; the API decides what each caller may see. */
@Injectable({ providedIn: 'root' })
export class AuditApi {
  readonly #http = inject(HttpClient);

  /** One page of events, newest first; pass the previous `nextCursor` for the next. */
  events(scope: AuditScope, filters: AuditFilters, cursor?: string | null, limit = AUDIT_PAGE_SIZE): Observable<AuditEventPage> {
    let params = auditQuery(filters).set('limit', limit);
    if (cursor) params = params.set('cursor', cursor);
    return this.#http.get<AuditEventPage>(EVENTS[scope], { params });
  }

  /**
   * Where the browser downloads the filtered events as CSV (admins). A plain link, so the
   * file streams to disk instead of being buffered in memory by an XHR.
   */
  csvUrl(filters: AuditFilters): string {
    const query = auditQuery(filters).toString();
    return `${AUDIT}/events.csv${query ? `?${query}` : ''}`;
  }

  /** Walks the hash chain from the last checkpoint (admins). */
  verify(): Observable<ChainVerification> {
    return this.#http.post<ChainVerification>(`${AUDIT}/verify`, {});
  }

  /**
   * The ten latest accesses to one participant's record (supervisors). A side card explains
   * its own failure, so no snackbar covers the record it sits beside.
   */
  accessHistory(participantId: string): Observable<AccessHistoryEntry[]> {
    return this.#http
      .get<AccessHistory>(`/api/v1/participants/${encodeURIComponent(participantId)}/access-history`, {
        context: withoutProblemSnackbar(),
      })
      .pipe(map((history) => history.items));
  }
}

import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { withoutProblemSnackbar } from '@waypoint/web-core';
import type { Observable } from 'rxjs';
import type {
  AssignableSpecialistList,
  DuplicateCheckRequest,
  DuplicateCheckResult,
  NewParticipant,
  ParticipantChanges,
  StatusChange,
} from './participant-intake.models';
import type {
  BreakGlassGrant,
  BreakGlassRequest,
  BreakGlassReviewPage,
  CaseloadFilters,
  ParticipantPage,
  ParticipantRecord,
} from './participants.models';

const PARTICIPANTS = '/api/v1/participants';
const BREAK_GLASS = '/api/v1/break-glass';
const CARE_TEAM = '/api/v1/care-team';

/** Typed calls for participants and emergency access; the API applies the caller's scope. */
@Injectable({ providedIn: 'root' })
export class ParticipantsApi {
  readonly #http = inject(HttpClient);

  /** One page of the caller's caseload, by name; pass the previous `nextCursor` for the next. */
  list(cursor?: string | null, limit = 25, filters: CaseloadFilters = {}): Observable<ParticipantPage> {
    let params = new HttpParams().set('limit', limit);
    if (cursor) params = params.set('cursor', cursor);
    for (const [name, value] of Object.entries(filters)) if (value) params = params.set(name, value);
    return this.#http.get<ParticipantPage>(PARTICIPANTS, { params });
  }

  /** The page explains a 404 itself (out of scope and nonexistent look the same). */
  get(id: string): Observable<ParticipantRecord> {
    return this.#http.get<ParticipantRecord>(`${PARTICIPANTS}/${encodeURIComponent(id)}`, { context: withoutProblemSnackbar() });
  }

  /**
   * People already on record who may be the one being taken in. Quiet on failure: the check
   * only helps, and creating the record repeats it (409 possible-duplicate).
   */
  checkDuplicates(request: DuplicateCheckRequest): Observable<DuplicateCheckResult> {
    return this.#http.post<DuplicateCheckResult>(`${PARTICIPANTS}/duplicate-check`, request, { context: withoutProblemSnackbar() });
  }

  /** Intake. The form shows field problems and the possible-duplicate warning (409) inline. */
  create(participant: NewParticipant): Observable<ParticipantRecord> {
    return this.#http.post<ParticipantRecord>(PARTICIPANTS, participant, { context: withoutProblemSnackbar() });
  }

  /** Changes some fields; a stale `version` gets 409 with the `currentVersion`. */
  update(id: string, changes: ParticipantChanges): Observable<ParticipantRecord> {
    return this.#http.patch<ParticipantRecord>(`${PARTICIPANTS}/${encodeURIComponent(id)}`, changes, { context: withoutProblemSnackbar() });
  }

  /** Moves the participant along PARTICIPANT_STATUS_TRANSITIONS; a refused move or stale version gets 409. */
  changeStatus(id: string, change: StatusChange): Observable<ParticipantRecord> {
    return this.#http.post<ParticipantRecord>(`${PARTICIPANTS}/${encodeURIComponent(id)}/status`, change, {
      context: withoutProblemSnackbar(),
    });
  }

  /** Whom the caller may assign participants to (needs `participants:assign`). */
  assignableSpecialists(): Observable<AssignableSpecialistList> {
    return this.#http.get<AssignableSpecialistList>(`${CARE_TEAM}/specialists`);
  }

  /** The form shows field problems, "no match" and "several match" inline. */
  requestEmergencyAccess(request: BreakGlassRequest): Observable<BreakGlassGrant> {
    return this.#http.post<BreakGlassGrant>(BREAK_GLASS, request, { context: withoutProblemSnackbar() });
  }

  activeGrants(): Observable<BreakGlassGrant[]> {
    return this.#http.get<BreakGlassGrant[]>(`${BREAK_GLASS}/active`);
  }

  /** The participant through the caller's emergency grant; 404 once it has expired. */
  getInEmergency(id: string): Observable<ParticipantRecord> {
    return this.#http.get<ParticipantRecord>(`${BREAK_GLASS}/participants/${encodeURIComponent(id)}`, {
      context: withoutProblemSnackbar(),
    });
  }

  reviews(pendingOnly: boolean, cursor?: string | null, limit = 25): Observable<BreakGlassReviewPage> {
    let params = new HttpParams().set('pending', pendingOnly).set('limit', limit);
    if (cursor) params = params.set('cursor', cursor);
    return this.#http.get<BreakGlassReviewPage>(`${BREAK_GLASS}/grants`, { params });
  }

  acknowledge(grantId: string, note: string): Observable<void> {
    return this.#http.post<void>(`${BREAK_GLASS}/grants/${encodeURIComponent(grantId)}/acknowledge`, note ? { note } : {});
  }
}

import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { withoutProblemSnackbar } from '@waypoint/web-core';
import type { Observable } from 'rxjs';
import type {
  CareAssignmentList,
  NewCareAssignment,
  NewParticipantTask,
  NewSafetyEvent,
  ParticipantTask,
  ParticipantTaskFilter,
  ParticipantTaskPage,
  RecordedSafetyEvent,
  RiskFlagChange,
  SafetyEventList,
  TimelineQuery,
} from './participant-care.models';
import type { ParticipantRecord } from './participants.models';
import type { TimelinePage } from './timeline.models';

const PARTICIPANTS = '/api/v1/participants';
const at = (participantId: string, rest: string) => `${PARTICIPANTS}/${encodeURIComponent(participantId)}/${rest}`;
/** For calls whose caller explains every failure in place (a card's own message, a dialog's alert). */
const quiet = () => ({ context: withoutProblemSnackbar() });

/**
 * The care around one participant, as the tabs of their record show it: safety events and the
 * high-risk flag, who carries them, their timeline and their tasks. The API applies the caller's
 * scope (404 outside it).
 */
@Injectable({ providedIn: 'root' })
export class ParticipantCareApi {
  readonly #http = inject(HttpClient);

  /** Newest first (the most recent 100). */
  safetyEvents(participantId: string): Observable<SafetyEventList> {
    return this.#http.get<SafetyEventList>(at(participantId, 'safety-events'), quiet());
  }

  /** An overdose also raises the high-risk flag (and tells the supervisors); the answer says so. */
  recordSafetyEvent(participantId: string, event: NewSafetyEvent): Observable<RecordedSafetyEvent> {
    return this.#http.post<RecordedSafetyEvent>(at(participantId, 'safety-events'), event, quiet());
  }

  /** Raises or clears the flag; a stale `version` gets 409. Answers with the participant as they now are. */
  setRiskFlag(participantId: string, change: RiskFlagChange): Observable<ParticipantRecord> {
    return this.#http.post<ParticipantRecord>(at(participantId, 'risk-flag'), change, quiet());
  }

  /** Every assignment, past, current and scheduled. */
  assignments(participantId: string): Observable<CareAssignmentList> {
    return this.#http.get<CareAssignmentList>(at(participantId, 'assignments'), quiet());
  }

  /** Needs `participants:assign`. Answers with the whole history as it now is. */
  assign(participantId: string, assignment: NewCareAssignment): Observable<CareAssignmentList> {
    return this.#http.post<CareAssignmentList>(at(participantId, 'assignments'), assignment, quiet());
  }

  /**
   * One page of the timeline, newest first; pass the previous `nextCursor` for the next. Not
   * quiet: a failed "Load more" is told by the snackbar, as on the other keyset lists.
   */
  timeline(participantId: string, query: TimelineQuery = {}): Observable<TimelinePage> {
    let params = new HttpParams().set('limit', query.limit ?? 25);
    if (query.cursor) params = params.set('cursor', query.cursor);
    if (query.kinds?.length) params = params.set('kinds', query.kinds.join(','));
    return this.#http.get<TimelinePage>(at(participantId, 'timeline'), { params });
  }

  /** The participant's tasks, open ones first by due date, one keyset page at a time. */
  tasks(participantId: string, filter: ParticipantTaskFilter, cursor?: string | null, limit = 25): Observable<ParticipantTaskPage> {
    let params = new HttpParams().set('status', filter).set('limit', limit);
    if (cursor) params = params.set('cursor', cursor);
    return this.#http.get<ParticipantTaskPage>(at(participantId, 'tasks'), { params });
  }

  /** The dialog shows field problems inline. */
  addTask(participantId: string, task: NewParticipantTask): Observable<ParticipantTask> {
    return this.#http.post<ParticipantTask>(at(participantId, 'tasks'), task, quiet());
  }
}

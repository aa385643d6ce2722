import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AssessmentHistory, AssessmentRecord, NewAssessment } from '@waypoint/shared-contracts';
import { withoutProblemSnackbar } from '@waypoint/web-core';
import type { Observable } from 'rxjs';

export type { AssessmentHistory, AssessmentRecord, NewAssessment } from '@waypoint/shared-contracts';

const PARTICIPANTS = '/api/v1/participants';

/** A participant's BARC-10 assessments; the API applies the caller's scope (404 outside it). */
@Injectable({ providedIn: 'root' })
export class AssessmentsApi {
  readonly #http = inject(HttpClient);

  /** Newest first. The page explains a 404 itself. */
  history(participantId: string): Observable<AssessmentHistory> {
    return this.#http.get<AssessmentHistory>(`${PARTICIPANTS}/${encodeURIComponent(participantId)}/assessments`, { context: withoutProblemSnackbar() });
  }

  /** The form shows field problems (400) inline. */
  record(participantId: string, assessment: NewAssessment): Observable<AssessmentRecord> {
    return this.#http.post<AssessmentRecord>(`${PARTICIPANTS}/${encodeURIComponent(participantId)}/assessments`, assessment, {
      context: withoutProblemSnackbar(),
    });
  }
}

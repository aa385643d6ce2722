import type { CaseloadRow, ParticipantPage, ParticipantsApi } from '@waypoint/web-participant-data';
import { EMPTY, expand, map, type Observable, reduce, take } from 'rxjs';

/** The most rows the API sends in one page. */
const PAGE_SIZE = 100;
/** Enough for any caseload or team (1,000 people); a group has at most 20 attendees. */
const MAX_PAGES = 10;

/**
 * Everyone in the caller's care-team scope, by name, every page of it. The API decides whose:
 * a specialist's own caseload, a supervisor's team's (there is no scope parameter to send).
 */
export function caseloadRoster(api: Pick<ParticipantsApi, 'list'>): Observable<CaseloadRow[]> {
  return api.list(null, PAGE_SIZE).pipe(
    expand((page: ParticipantPage) => (page.nextCursor ? api.list(page.nextCursor, PAGE_SIZE) : EMPTY)),
    take(MAX_PAGES),
    map((page) => page.items),
    reduce((all, items) => [...all, ...items], [] as CaseloadRow[]),
  );
}

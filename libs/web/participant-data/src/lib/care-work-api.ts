import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { withoutProblemSnackbar } from '@waypoint/web-core';
import { map, type Observable } from 'rxjs';
import type { CrisisResource, FollowUpTask, FollowUpTaskPage, TaskFilter } from './care-work.models';

const API = '/api/v1';

/** Follow-up tasks and crisis lines: the everyday care work around a caseload. */
@Injectable({ providedIn: 'root' })
export class CareWorkApi {
  readonly #http = inject(HttpClient);

  /** The caller's tasks by due date (overdue first), one keyset page at a time. */
  myTasks(filter: TaskFilter, cursor?: string | null, limit = 25): Observable<FollowUpTaskPage> {
    let params = new HttpParams().set('status', filter).set('limit', limit);
    if (cursor) params = params.set('cursor', cursor);
    return this.#http.get<FollowUpTaskPage>(`${API}/tasks`, { params });
  }

  /** Marks a task done (or open again). A stale version is 409; the caller shows it and reloads. */
  setTaskDone(task: Pick<FollowUpTask, 'id' | 'version'>, done: boolean): Observable<FollowUpTask> {
    return this.#http.patch<FollowUpTask>(`${API}/tasks/${encodeURIComponent(task.id)}`, { done, version: task.version }, { context: withoutProblemSnackbar() });
  }

  crisisResources(): Observable<CrisisResource[]> {
    return this.#http.get<{ items: CrisisResource[] }>(`${API}/crisis-resources`).pipe(map((body) => body.items));
  }
}

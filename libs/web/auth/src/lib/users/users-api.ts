import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { withoutProblemSnackbar } from '@waypoint/web-core';
import { map, Observable } from 'rxjs';
import { CreatedUser, ManagedUser, NewUser, Team, UserChanges, UserCommand, UserPage } from './users.models';

const USERS = '/api/v1/users';

/** Typed calls for user administration (admins only; the API checks `users:manage`). */
@Injectable({ providedIn: 'root' })
export class UsersApi {
  readonly #http = inject(HttpClient);

  /** One page, keyset-paginated: pass the previous page's `nextCursor` for the next. */
  list(cursor?: string | null, limit = 25): Observable<UserPage> {
    let params = new HttpParams().set('limit', limit);
    if (cursor) params = params.set('cursor', cursor);
    return this.#http.get<UserPage>(USERS, { params });
  }

  /** The dialog shows field problems inline. */
  create(user: NewUser): Observable<CreatedUser> {
    return this.#http.post<CreatedUser>(USERS, user, { context: withoutProblemSnackbar() });
  }

  /** The dialog shows field problems and the stale-version conflict inline. */
  update(id: string, changes: UserChanges): Observable<ManagedUser> {
    return this.#http.patch<ManagedUser>(`${USERS}/${encodeURIComponent(id)}`, changes, {
      context: withoutProblemSnackbar(),
    });
  }

  /** Unlocking carries the version the admin saw (a stale one gets 409); the others need no body. */
  run(user: Pick<ManagedUser, 'id' | 'version'>, command: UserCommand): Observable<ManagedUser> {
    const body = command === 'unlock' ? { version: user.version } : null;
    return this.#http.post<ManagedUser>(`${USERS}/${encodeURIComponent(user.id)}/${command}`, body);
  }

  teams(): Observable<Team[]> {
    return this.#http.get<{ items: Team[] }>('/api/v1/teams').pipe(map((page) => page.items));
  }
}

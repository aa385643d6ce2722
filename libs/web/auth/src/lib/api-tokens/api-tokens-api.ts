import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { withoutProblemSnackbar } from '@waypoint/web-core';
import { map, Observable } from 'rxjs';
import { ApiToken, ApiTokenList, IssuedApiToken, NewApiToken } from './api-tokens.models';

const API_TOKENS = '/api/v1/api-tokens';

/** Typed calls for personal API tokens (admins only; the API checks `api-tokens:manage`). */
@Injectable({ providedIn: 'root' })
export class ApiTokensApi {
  readonly #http = inject(HttpClient);

  list(): Observable<ApiToken[]> {
    return this.#http.get<ApiTokenList>(API_TOKENS).pipe(map((list) => list.items));
  }

  /** The dialog shows field problems inline. */
  issue(token: NewApiToken): Observable<IssuedApiToken> {
    return this.#http.post<IssuedApiToken>(API_TOKENS, token, { context: withoutProblemSnackbar() });
  }

  /** Revoking a revoked token is harmless: the first revocation time is kept. */
  revoke(id: string): Observable<void> {
    return this.#http.post<void>(`${API_TOKENS}/${encodeURIComponent(id)}/revoke`, null);
  }
}

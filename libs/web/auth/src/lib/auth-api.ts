import { HttpClient, HttpContext, HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { withoutProblemSnackbar } from '@waypoint/web-core';
import { map, Observable } from 'rxjs';
import {
  AccountSession,
  MeResponse,
  MfaEnrollment,
  PasswordChange,
  SecondFactor,
  SignInResponse,
  VerifyResponse,
} from './auth.models';
import { SKIP_SESSION_REFRESH } from './session/session-context';

const BASE = '/api/v1/auth';

/**
 * Sign-in steps answer for themselves (a 401 means "wrong password", not "session over"), so
 * they skip the refresh-and-retry, and the forms show their problems inline, not in a snackbar.
 */
const signInStep = () => withoutProblemSnackbar(new HttpContext().set(SKIP_SESSION_REFRESH, true));

/** Typed calls to `/api/v1/auth`. Tokens are HttpOnly cookies: nothing here ever sees one. */
@Injectable({ providedIn: 'root' })
export class AuthApi {
  readonly #http = inject(HttpClient);

  signIn(email: string, password: string): Observable<SignInResponse> {
    return this.#http.post<SignInResponse>(`${BASE}/sign-in`, { email, password }, { context: signInStep() });
  }

  startEnrollment(): Observable<MfaEnrollment> {
    return this.#http.post<MfaEnrollment>(`${BASE}/mfa/enrollment`, null, { context: signInStep() });
  }

  verify(answer: SecondFactor): Observable<VerifyResponse> {
    return this.#http.post<VerifyResponse>(`${BASE}/mfa/verify`, answer, { context: signInStep() });
  }

  /** Rotates the refresh cookie. Its own 401 means the session is over, so it is never retried. */
  refresh(): Observable<void> {
    return this.#http
      .post<unknown>(`${BASE}/refresh`, null, { context: signInStep() })
      .pipe(map(() => undefined));
  }

  /**
   * The signed-in person and their session, with the response's Date header, so the session's
   * deadlines can be read against the server's clock rather than a possibly wrong local one.
   */
  me(): Observable<{ body: MeResponse; serverNow: number | null }> {
    return this.#http
      .get<MeResponse>(`${BASE}/me`, { observe: 'response', context: withoutProblemSnackbar() })
      .pipe(map((response: HttpResponse<MeResponse>) => ({ body: response.body as MeResponse, serverNow: dateHeader(response) })));
  }

  signOut(): Observable<void> {
    return this.#http.post<void>(`${BASE}/sign-out`, null);
  }

  sessions(): Observable<AccountSession[]> {
    return this.#http.get<{ items: AccountSession[] }>(`${BASE}/sessions`).pipe(map((page) => page.items));
  }

  endSession(id: string): Observable<void> {
    return this.#http.delete<void>(`${BASE}/sessions/${encodeURIComponent(id)}`);
  }

  /** The form shows field problems itself, so no snackbar. */
  changePassword(change: PasswordChange): Observable<void> {
    return this.#http.post<void>(`${BASE}/password`, change, { context: withoutProblemSnackbar() });
  }
}

function dateHeader(response: HttpResponse<unknown>): number | null {
  const value = response.headers.get('date');
  const parsed = value ? Date.parse(value) : NaN;
  return Number.isNaN(parsed) ? null : parsed;
}

import { HttpClient, HttpContext } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';

export interface SignInCredentials {
  email: string;
  password: string;
}

/** Calls to the API's authentication endpoints. */
@Injectable({ providedIn: 'root' })
export class AuthApi {
  readonly #http = inject(HttpClient);

  /** Starts a session. The response shape arrives with the identity issue, so it is untyped here. */
  signIn(credentials: SignInCredentials, options: { context?: HttpContext } = {}): Observable<unknown> {
    return this.#http.post<unknown>('/api/v1/auth/sign-in', credentials, { context: options.context });
  }
}

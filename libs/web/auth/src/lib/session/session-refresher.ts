import { inject, Injectable } from '@angular/core';
import { defer, finalize, firstValueFrom, from, Observable, shareReplay } from 'rxjs';
import { AuthApi } from '../auth-api';

/** Name of the Web Lock that serialises refreshes across this browser's tabs. */
export const REFRESH_LOCK = 'waypoint.session-refresh';

/**
 * Refreshes the session at most once at a time. The API rotates the refresh token on every
 * use and treats a used one presented again as theft, ending the whole session; so requests
 * that fail together share one refresh, and tabs take turns (Web Locks, where available).
 */
@Injectable({ providedIn: 'root' })
export class SessionRefresher {
  readonly #api = inject(AuthApi);
  #inFlight: Observable<void> | null = null;

  refresh(): Observable<void> {
    this.#inFlight ??= defer(() => from(this.#withLock(() => firstValueFrom(this.#api.refresh())))).pipe(
      finalize(() => (this.#inFlight = null)),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.#inFlight;
  }

  #withLock(work: () => Promise<void>): Promise<void> {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    // request() settles with the callback's settled value, whatever its declared type says.
    return locks ? locks.request(REFRESH_LOCK, work).then(() => undefined) : work();
  }
}

import { computed, inject, Injectable, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { Router } from '@angular/router';
import { distinctUntilChanged, map, of, switchMap, timer } from 'rxjs';

/** Work shorter than this never shows the indicator, so quick requests don't make it flicker. */
export const LOADING_INDICATOR_DELAY_MS = 150;

/**
 * What the app is waiting for: HTTP requests in flight (counted by `loadingInterceptor`) and
 * the router's current navigation (lazy chunks, guards, resolvers).
 */
@Injectable({ providedIn: 'root' })
export class LoadingService {
  readonly #router = inject(Router);
  readonly #requests = signal(0);

  /** How many HTTP requests are in flight. */
  readonly requestsInFlight = this.#requests.asReadonly();

  /**
   * Whether anything is under way. The router's own `currentNavigation` signal is used rather
   * than pairing Start/End events, because a superseded navigation ends after its successor
   * starts, which would make a start/end flag drop while the new navigation still runs.
   */
  readonly busy = computed(() => this.#requests() > 0 || this.#router.currentNavigation() !== null);

  /** Whether to show the indicator: `busy` for longer than the delay. */
  readonly visible = toSignal(
    toObservable(this.busy).pipe(
      switchMap((busy) => (busy ? timer(LOADING_INDICATOR_DELAY_MS).pipe(map(() => true)) : of(false))),
      distinctUntilChanged(),
    ),
    { initialValue: false },
  );

  /** Records that a request started. Pair every call with `requestEnded`. */
  requestStarted(): void {
    this.#requests.update((count) => count + 1);
  }

  /** Records that a request finished, failed or was cancelled. */
  requestEnded(): void {
    // Never below zero: a stray extra call must not hide the indicator for a later request.
    this.#requests.update((count) => Math.max(0, count - 1));
  }
}

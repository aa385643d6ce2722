import { HttpErrorResponse, HttpEvent, HttpInterceptorFn, HttpResponse } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, MonoTypeOperatorFunction, Observable, switchMap, tap, throwError } from 'rxjs';
import { SessionExit } from './session-exit';
import { SessionRefresher } from './session-refresher';
import { SKIP_SESSION_REFRESH } from './session-context';
import { SessionStore } from './session.store';

const API_PREFIX = '/api/';

/**
 * Keeps the session going behind the page's back: access tokens live ten minutes, so a 401 from
 * an API call first tries one refresh and repeats the call. Only when that fails is the session
 * over: the store forgets it and the person is sent to sign in, with a reason to read.
 * Successful calls also push the idle deadline out (the server counts them as activity).
 */
export const sessionInterceptor: HttpInterceptorFn = (request, next) => {
  if (!request.url.startsWith(API_PREFIX) || request.context.get(SKIP_SESSION_REFRESH)) return next(request);
  const store = inject(SessionStore);
  const refresher = inject(SessionRefresher);
  const exit = inject(SessionExit);

  const noteActivity: MonoTypeOperatorFunction<HttpEvent<unknown>> = tap((event) => {
    if (event instanceof HttpResponse) store.noteActivity();
  });
  const sessionOver = (error: unknown): Observable<never> => {
    // At start-up nobody is signed in yet and the route guards send people to sign in; here
    // we only redirect someone who was using the app, back to the page they were on later.
    if (store.signedIn()) void exit.endHere('ended');
    else store.end('ended');
    return throwError(() => error);
  };

  return next(request).pipe(
    noteActivity,
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || error.status !== 401) return throwError(() => error);
      // A 401 on the retry is the route's own answer (the refresh just proved the session is
      // alive), e.g. a wrong current password, so it goes back to the caller as it is.
      return refresher.refresh().pipe(
        catchError(() => sessionOver(error)),
        switchMap(() => next(request)),
        noteActivity,
      );
    }),
  );
};

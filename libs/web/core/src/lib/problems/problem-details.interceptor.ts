import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject, Injector } from '@angular/core';
import { catchError, throwError } from 'rxjs';
import { describeHttpError } from './http-error-description';
import { SHOW_PROBLEM_SNACKBAR } from './problem-snackbar.context';

/**
 * Shows a failed request's problem details (or a network failure) in a snackbar, then
 * rethrows so the caller can still react. Other error bodies are left to the caller, and so
 * is 401: a lapsed session is refreshed quietly or ends on the sign-in page, which says why.
 */
export const problemDetailsInterceptor: HttpInterceptorFn = (request, next) => {
  const injector = inject(Injector);
  return next(request).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && error.status !== 401 && request.context.get(SHOW_PROBLEM_SNACKBAR)) {
        const description = describeHttpError(error);
        if (description) {
          // The snackbar and its overlay are ~100 kB; load them on the first error, not at start-up.
          void import('./problem-snack-bar').then((m) => m.openProblemSnackBar(injector, description));
        }
      }
      return throwError(() => error);
    }),
  );
};

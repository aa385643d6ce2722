import { HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { defer, finalize } from 'rxjs';
import { LoadingService } from './loading.service';

/** Counts every request while it is in flight, whether it succeeds, fails or is unsubscribed. */
export const loadingInterceptor: HttpInterceptorFn = (request, next) => {
  const loading = inject(LoadingService);
  // `defer` starts the count on subscription, so a request that is never sent is never counted.
  return defer(() => {
    loading.requestStarted();
    return next(request).pipe(finalize(() => loading.requestEnded()));
  });
};

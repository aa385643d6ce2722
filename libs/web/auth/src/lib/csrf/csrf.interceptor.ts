import { DOCUMENT } from '@angular/common';
import { HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { CSRF_HEADER, readCsrfToken } from './csrf-cookie';

/** Methods that change state; the API refuses them without the CSRF header. */
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Echoes the script-readable CSRF cookie in `X-CSRF-Token` on state-changing requests. Only to
 * our own origin: the token must never travel to another host. The cookie is read at send time,
 * so a retry after a refresh carries the current value.
 */
export const csrfInterceptor: HttpInterceptorFn = (request, next) => {
  if (!UNSAFE_METHODS.has(request.method.toUpperCase())) return next(request);
  const document = inject(DOCUMENT);
  if (!isSameOrigin(request.url, document)) return next(request);
  const token = readCsrfToken(document.cookie);
  return next(token ? request.clone({ setHeaders: { [CSRF_HEADER]: token } }) : request);
};

function isSameOrigin(url: string, document: Document): boolean {
  const here = document.location?.origin;
  try {
    return !!here && new URL(url, document.baseURI).origin === here;
  } catch {
    return false;
  }
}

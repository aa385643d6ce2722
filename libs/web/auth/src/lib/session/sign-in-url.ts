import { Router, UrlTree } from '@angular/router';

/**
 * The sign-in page, remembering where to come back to. Only in-app paths are kept, so a
 * crafted link cannot bounce someone to another site after they sign in.
 */
export function signInTree(router: Router, returnTo?: string): UrlTree {
  const safe = safeReturnTo(returnTo);
  return router.createUrlTree(['/sign-in'], { queryParams: safe && safe !== '/' ? { returnTo: safe } : {} });
}

export function signInUrl(router: Router, returnTo?: string): string {
  return router.serializeUrl(signInTree(router, returnTo));
}

/** `returnTo` when it is a path inside this app, otherwise null. */
export function safeReturnTo(returnTo: string | null | undefined): string | null {
  if (!returnTo || !returnTo.startsWith('/') || returnTo.startsWith('//') || returnTo.startsWith('/\\')) return null;
  if (returnTo.startsWith('/sign-in')) return null;
  return returnTo;
}

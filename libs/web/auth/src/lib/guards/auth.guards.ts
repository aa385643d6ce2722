import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import type { Permission } from '@waypoint/shared-contracts';
import { SessionStore } from '../session/session.store';
import { signInTree } from '../session/sign-in-url';

/** Where the guards send someone who may not open a page. */
export const NOT_ALLOWED_PATH = '/not-allowed';

/** Pages behind sign-in: without a session, go to sign in and come back here afterwards. */
export const signedInGuard: CanActivateFn = (_route, state) => {
  const router = inject(Router);
  return inject(SessionStore).signedIn() ? true : signInTree(router, state.url);
};

/** The sign-in page: someone already signed in goes to their start page instead. */
export const signedOutGuard: CanActivateFn = () => {
  return inject(SessionStore).signedIn() ? inject(Router).parseUrl('/') : true;
};

/**
 * A page for holders of at least one of the permissions. Others see the "not allowed" page
 * rather than a blank screen; the API refuses them regardless, this only spares the dead end.
 */
export function permissionGuard(...anyOf: Permission[]): CanActivateFn {
  return (_route, state) => {
    const store = inject(SessionStore);
    const router = inject(Router);
    if (!store.signedIn()) return signInTree(router, state.url);
    return store.canAny(anyOf) ? true : router.createUrlTree([NOT_ALLOWED_PATH], { queryParams: { from: state.url } });
  };
}

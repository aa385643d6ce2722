import { EnvironmentProviders, inject, makeEnvironmentProviders, provideAppInitializer } from '@angular/core';
import { SessionStore } from './session/session.store';

/**
 * Restores the session before the first navigation, so route guards and the navigation know
 * who is signed in from the first frame. Pair with `csrfInterceptor` and `sessionInterceptor`.
 */
export function provideAuth(): EnvironmentProviders {
  return makeEnvironmentProviders([provideAppInitializer(() => inject(SessionStore).restore())]);
}

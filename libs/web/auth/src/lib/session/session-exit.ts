import { HttpErrorResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Router } from '@angular/router';
import { clearLocalPhi } from '@waypoint/web-core';
import { firstValueFrom } from 'rxjs';
import { AuthApi } from '../auth-api';
import { SessionEndReason, SessionStore } from './session.store';
import { signInUrl } from './sign-in-url';

/** The ways out of a session, each ending on the sign-in page with the reason shown there. */
@Injectable({ providedIn: 'root' })
export class SessionExit {
  readonly #api = inject(AuthApi);
  readonly #store = inject(SessionStore);
  readonly #router = inject(Router);

  /**
   * Ends the session on the server, then here. A 401 means it had already ended, which is
   * just as good; any other failure leaves the person signed in (the snackbar says why)
   * rather than pretending the server forgot them. Resolves whether they are signed out.
   */
  async signOut(): Promise<boolean> {
    try {
      await firstValueFrom(this.#api.signOut());
    } catch (error) {
      if (!(error instanceof HttpErrorResponse && error.status === 401)) return false;
    }
    this.#store.end('signed-out');
    clearLocalPhi();
    await this.#router.navigateByUrl('/sign-in');
    return true;
  }

  /**
   * Forgets a session the server has ended (or is about to) and goes to sign in, coming back
   * to `returnTo` afterwards.
   */
  async endHere(reason: SessionEndReason, returnTo = this.#router.url): Promise<void> {
    this.#store.end(reason);
    // Walked away from: leave nothing of a participant behind. (A session the server ended is
    // kept: an offline note's only copy may be here, and the same person signs back in.)
    if (reason === 'idle') clearLocalPhi();
    if (this.#router.url.startsWith('/sign-in')) return;
    await this.#router.navigateByUrl(signInUrl(this.#router, returnTo));
  }
}

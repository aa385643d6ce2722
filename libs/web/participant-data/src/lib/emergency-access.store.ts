import { computed, inject, Injectable, signal } from '@angular/core';
import { SessionStore } from '@waypoint/web-auth';
import { ParticipantsApi } from './participants-api';
import type { BreakGlassGrant } from './participants.models';

/**
 * The signed-in person's unexpired emergency grants, for the banner every page shows while
 * one lasts. Expiry is applied on the client clock too, so the banner goes when access does.
 */
@Injectable({ providedIn: 'root' })
export class EmergencyAccessStore {
  readonly #api = inject(ParticipantsApi);
  readonly #session = inject(SessionStore);
  readonly #grants = signal<BreakGlassGrant[]>([]);
  readonly #now = signal(Date.now());

  readonly active = computed(() => this.#grants().filter((grant) => Date.parse(grant.expiresAt) > this.#now()));

  /** Asks the server again (on start and after a new grant); quiet for roles without the permission. */
  refresh(): void {
    if (!this.#session.can('break-glass:request')) {
      this.#grants.set([]);
      return;
    }
    this.#api.activeGrants().subscribe({ next: (grants) => this.#grants.set(grants), error: () => undefined });
  }

  /** Moves the clock the banner compares expiry against. */
  tick(now = Date.now()): void {
    this.#now.set(now);
  }
}

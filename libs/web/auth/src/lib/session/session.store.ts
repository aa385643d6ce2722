import { DOCUMENT } from '@angular/common';
import { computed, inject, Injectable, signal } from '@angular/core';
import type { Permission } from '@waypoint/shared-contracts';
import { firstValueFrom } from 'rxjs';
import { AuthApi } from '../auth-api';
import { MeResponse, SessionInfo, SessionUser } from '../auth.models';
import { readCsrfToken } from '../csrf/csrf-cookie';

/** Why the last session ended, so the sign-in page can say so. */
export type SessionEndReason = 'signed-out' | 'ended' | 'idle';

/**
 * The API writes a session's last activity at most every 30 seconds, so after a request the
 * server's idle deadline may be this much earlier than "now + idle length". Estimates err early.
 */
export const ACTIVITY_WRITE_INTERVAL_MS = 30_000;

/** Deadlines in this browser's clock (epoch ms), translated from the server's. */
interface Deadlines {
  idle: number;
  absolute: number;
  /** How long the server lets a session sit unused, as measured when it was last loaded. */
  idleLength: number;
}

/**
 * Who is signed in, what they may do, and when their session will end. Loaded from
 * `/auth/me` at start-up and after sign-in; tokens stay in HttpOnly cookies, never here.
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  readonly #api = inject(AuthApi);
  readonly #document = inject(DOCUMENT);
  readonly #user = signal<SessionUser | null>(null);
  readonly #session = signal<SessionInfo | null>(null);
  readonly #deadlines = signal<Deadlines | null>(null);
  readonly #endReason = signal<SessionEndReason | null>(null);

  readonly user = this.#user.asReadonly();
  readonly session = this.#session.asReadonly();
  readonly signedIn = computed(() => this.#user() !== null);
  readonly permissions = computed<readonly Permission[]>(() => this.#user()?.permissions ?? []);
  readonly #permissionSet = computed(() => new Set<string>(this.permissions()));

  /** When (local epoch ms) the server will end the session if nothing else is sent; null when signed out. */
  readonly idleDeadline = computed(() => {
    const deadlines = this.#deadlines();
    return deadlines ? Math.min(deadlines.idle, deadlines.absolute) : null;
  });

  /** Why the previous session ended, until the sign-in page has shown it. */
  readonly endReason = this.#endReason.asReadonly();

  /** Whether the signed-in person holds a permission (false when signed out). */
  can(permission: Permission): boolean {
    return this.#permissionSet().has(permission);
  }

  /** Whether they hold at least one of the permissions. */
  canAny(permissions: readonly Permission[]): boolean {
    return permissions.some((permission) => this.can(permission));
  }

  /**
   * Start-up: asks `/auth/me` only when a session cookie is present, so a visitor who is not
   * signed in causes no 401 (browsers log every failed request in the console).
   */
  restore(): Promise<boolean> {
    if (!readCsrfToken(this.#document.cookie)) {
      this.#clear();
      return Promise.resolve(false);
    }
    return this.load();
  }

  /** Reads the session from `/auth/me`; resolves whether signed in, never rejects. */
  async load(): Promise<boolean> {
    try {
      const { body, serverNow } = await firstValueFrom(this.#api.me());
      this.#apply(body, serverNow);
      return true;
    } catch {
      this.#clear();
      return false;
    }
  }

  /**
   * Records that the API just accepted a request of this session, which pushes its idle
   * deadline out. Called for every successful API response.
   */
  noteActivity(now = Date.now()): void {
    this.#deadlines.update((deadlines) =>
      deadlines && {
        ...deadlines,
        idle: Math.max(deadlines.idle, now + deadlines.idleLength - ACTIVITY_WRITE_INTERVAL_MS),
      },
    );
  }

  /** Forgets the session here (the server's side is the caller's business) and remembers why. */
  end(reason: SessionEndReason): void {
    this.#clear();
    this.#endReason.set(reason);
  }

  /** The end reason, once: the sign-in page shows it and it does not linger. */
  takeEndReason(): SessionEndReason | null {
    const reason = this.#endReason();
    this.#endReason.set(null);
    return reason;
  }

  #apply(me: MeResponse, serverNow: number | null): void {
    const now = Date.now();
    // Server clock minus ours; deadlines are moved into our clock so a wrong device clock
    // does not make the warning appear too early or too late.
    const skew = serverNow === null ? 0 : serverNow - now;
    const idle = Date.parse(me.session?.idleExpiresAt ?? '') - skew;
    const absolute = Date.parse(me.session?.expiresAt ?? '') - skew;
    this.#user.set(me.user);
    this.#session.set(me.session ?? null);
    this.#endReason.set(null);
    if (Number.isNaN(idle) || Number.isNaN(absolute)) {
      this.#deadlines.set(null);
      return;
    }
    const previousLength = this.#deadlines()?.idleLength ?? 0;
    this.#deadlines.set({ idle, absolute, idleLength: Math.max(previousLength, idle - now) });
  }

  #clear(): void {
    this.#user.set(null);
    this.#session.set(null);
    this.#deadlines.set(null);
  }
}

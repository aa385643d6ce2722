import { computed, signal } from '@angular/core';
import { Permission, ROLE_PERMISSIONS, Role } from '@waypoint/shared-contracts';
import type { SessionEndReason, SessionStore, SessionUser } from '@waypoint/web-auth';

/** A person of the given role, as `/auth/me` would describe them. For specs only. */
export function sessionUser(role: Role, overrides: Partial<SessionUser> = {}): SessionUser {
  return {
    id: `${role}-1`,
    email: `${role}@example.org`,
    displayName: 'Jordan Avery',
    role,
    credentials: null,
    teamId: null,
    organizationId: null,
    programName: 'Riverbend',
    timeZone: 'America/Chicago',
    permissions: [...ROLE_PERMISSIONS[role]],
    ...overrides,
  };
}

/**
 * A SessionStore stand-in whose state a spec sets directly (provide it with `useValue`).
 * For specs only: nothing in the app imports it.
 */
export function fakeSessionStore(user: SessionUser | null = null) {
  const current = signal<SessionUser | null>(user);
  const permissions = computed<readonly Permission[]>(() => current()?.permissions ?? []);
  const endReason = signal<SessionEndReason | null>(null);
  const fake = {
    user: current,
    session: signal(null),
    signedIn: computed(() => current() !== null),
    permissions,
    idleDeadline: signal<number | null>(null),
    endReason,
    can: (permission: Permission) => permissions().includes(permission),
    canAny: (wanted: readonly Permission[]) => wanted.some((permission) => permissions().includes(permission)),
    restore: () => Promise.resolve(current() !== null),
    load: () => Promise.resolve(current() !== null),
    noteActivity: () => undefined,
    end: (reason: SessionEndReason) => {
      current.set(null);
      endReason.set(reason);
    },
    takeEndReason: () => {
      const reason = endReason();
      endReason.set(null);
      return reason;
    },
  };
  return fake as typeof fake & Pick<SessionStore, keyof typeof fake>;
}

import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MeResponse, SessionUser } from '../auth.models';
import { ACTIVITY_WRITE_INTERVAL_MS, SessionStore } from './session.store';

const ME = '/api/v1/auth/me';
const NOW = Date.parse('2026-03-04T15:00:00.000Z');
const MINUTE = 60_000;

export const specialist: SessionUser = {
  id: 'u-1',
  email: 'jordan@example.org',
  displayName: 'Jordan Avery',
  role: 'specialist',
  credentials: 'CPRS',
  teamId: 't-1',
  organizationId: null,
  programName: 'Riverbend',
  timeZone: 'America/Chicago',
  permissions: ['session:own', 'participants:read', 'participants:write'],
};

function me(idleInMinutes: number, serverNow = NOW): MeResponse {
  return {
    user: specialist,
    session: {
      id: 's-1',
      idleExpiresAt: new Date(serverNow + idleInMinutes * MINUTE).toISOString(),
      expiresAt: new Date(serverNow + 12 * 60 * MINUTE).toISOString(),
    },
  };
}

describe('SessionStore', () => {
  let store: SessionStore;
  let backend: HttpTestingController;

  beforeEach(() => {
    jest.useFakeTimers({ now: NOW });
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    store = TestBed.inject(SessionStore);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    backend.verify();
    jest.useRealTimers();
    document.cookie = 'wp_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  });

  async function loadWith(body: MeResponse, date?: number): Promise<boolean> {
    const loading = store.load();
    backend.expectOne(ME).flush(body, { headers: date ? { Date: new Date(date).toUTCString() } : {} });
    return loading;
  }

  it('starts signed out, holding no permission', () => {
    expect(store.signedIn()).toBe(false);
    expect(store.user()).toBeNull();
    expect(store.can('session:own')).toBe(false);
    expect(store.idleDeadline()).toBeNull();
  });

  it('asks nothing at start-up without a session cookie, so visitors cause no 401', async () => {
    expect(await store.restore()).toBe(false);
    backend.expectNone(ME);
  });

  it('restores the session when the cookie is there', async () => {
    document.cookie = 'wp_csrf=abc; path=/';
    const restoring = store.restore();
    backend.expectOne(ME).flush(me(15));
    expect(await restoring).toBe(true);
    expect(store.user()?.displayName).toBe('Jordan Avery');
  });

  it('exposes the user, their permissions and can()', async () => {
    expect(await loadWith(me(15))).toBe(true);
    expect(store.signedIn()).toBe(true);
    expect(store.permissions()).toEqual(specialist.permissions);
    expect(store.can('participants:read')).toBe(true);
    expect(store.can('users:manage')).toBe(false);
    expect(store.canAny(['users:manage', 'participants:read'])).toBe(true);
    expect(store.canAny(['users:manage', 'audit:read'])).toBe(false);
  });

  it('reads the idle deadline against the server clock, not a wrong local one', async () => {
    // The server is five minutes ahead of this device.
    const serverNow = NOW + 5 * MINUTE;
    await loadWith(me(15, serverNow), serverNow);
    expect(store.idleDeadline()).toBe(NOW + 15 * MINUTE);
  });

  it('pushes the idle deadline out with activity, erring early by the server write interval', async () => {
    await loadWith(me(15));
    jest.setSystemTime(NOW + 10 * MINUTE);
    store.noteActivity();
    expect(store.idleDeadline()).toBe(NOW + 25 * MINUTE - ACTIVITY_WRITE_INTERVAL_MS);

    // Activity never pulls the deadline in.
    store.noteActivity(NOW);
    expect(store.idleDeadline()).toBe(NOW + 25 * MINUTE - ACTIVITY_WRITE_INTERVAL_MS);
  });

  it('never extends past the absolute end of the session', async () => {
    const body = me(15);
    body.session.expiresAt = new Date(NOW + 20 * MINUTE).toISOString();
    await loadWith(body);
    jest.setSystemTime(NOW + 14 * MINUTE);
    store.noteActivity();
    expect(store.idleDeadline()).toBe(NOW + 20 * MINUTE);
  });

  it('is signed out when /auth/me is refused', async () => {
    await loadWith(me(15));
    const loading = store.load();
    backend.expectOne(ME).flush(null, { status: 401, statusText: 'Unauthorized' });
    expect(await loading).toBe(false);
    expect(store.signedIn()).toBe(false);
    expect(store.idleDeadline()).toBeNull();
  });

  it('forgets the session on end() and gives the reason once', async () => {
    await loadWith(me(15));
    store.end('idle');
    expect(store.signedIn()).toBe(false);
    expect(store.can('session:own')).toBe(false);
    expect(store.takeEndReason()).toBe('idle');
    expect(store.takeEndReason()).toBeNull();
  });
});

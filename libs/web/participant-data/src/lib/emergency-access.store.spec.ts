import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { Permission } from '@waypoint/shared-contracts';
import { SessionStore } from '@waypoint/web-auth';
import { EmergencyAccessStore } from './emergency-access.store';

describe('EmergencyAccessStore', () => {
  function setUp(permissions: Permission[]) {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: SessionStore, useValue: { can: (permission: Permission) => permissions.includes(permission) } },
      ],
    });
    return { store: TestBed.inject(EmergencyAccessStore), backend: TestBed.inject(HttpTestingController) };
  }

  const grant = (id: string, expiresAt: string) => ({ id, participantId: `p-${id}`, grantedAt: '2026-11-21T10:00:00Z', expiresAt, participantName: 'Sam C' });

  it('loads the active grants of someone who may break the glass, and drops each as it expires', () => {
    const { store, backend } = setUp(['break-glass:request']);
    store.tick(Date.parse('2026-11-21T10:30:00Z'));
    store.refresh();
    backend.expectOne('/api/v1/break-glass/active').flush([grant('a', '2026-11-21T11:00:00Z'), grant('b', '2026-11-21T10:45:00Z')]);
    expect(store.active().map((g) => g.id)).toEqual(['a', 'b']);

    store.tick(Date.parse('2026-11-21T10:50:00Z'));
    expect(store.active().map((g) => g.id)).toEqual(['a']);
    backend.verify();
  });

  it('never asks for roles without emergency access', () => {
    const { store, backend } = setUp(['participants:read']);
    store.refresh();
    backend.expectNone('/api/v1/break-glass/active');
    expect(store.active()).toEqual([]);
  });
});

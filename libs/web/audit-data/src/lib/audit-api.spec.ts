import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { SHOW_PROBLEM_SNACKBAR } from '@waypoint/web-core';
import { AuditApi } from './audit-api';
import type { AuditFilters } from './audit.models';

const filters: AuditFilters = {
  from: '2026-11-14T10:00:00.000Z',
  to: '2026-11-21T10:00:00.000Z',
  actorId: '6f1c2a4e-0000-4000-8000-000000000001',
  participantId: '9b7d3c2e-0000-4000-8000-000000000002',
  action: 'participant.read',
  outcome: 'denied',
};
const query =
  'from=2026-11-14T10:00:00.000Z&to=2026-11-21T10:00:00.000Z&actorId=6f1c2a4e-0000-4000-8000-000000000001' +
  '&participantId=9b7d3c2e-0000-4000-8000-000000000002&action=participant.read&outcome=denied';

describe('AuditApi', () => {
  let api: AuditApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(AuditApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('asks the program report for admins and the team report for supervisors, with every filter', () => {
    api.events('program', filters).subscribe();
    backend.expectOne(`/api/v1/audit/events?${query}&limit=50`).flush({ items: [], nextCursor: null });
    api.events('team', {}, 'c2', 25).subscribe();
    backend.expectOne('/api/v1/audit/team-events?limit=25&cursor=c2').flush({ items: [], nextCursor: null });
  });

  it('leaves out empty filters', () => {
    api.events('program', { from: '2026-11-14T10:00:00.000Z', actorId: '', action: undefined }).subscribe();
    backend.expectOne('/api/v1/audit/events?from=2026-11-14T10:00:00.000Z&limit=50').flush({ items: [], nextCursor: null });
  });

  it('builds the CSV link from the same filters, without paging', () => {
    expect(api.csvUrl(filters)).toBe(`/api/v1/audit/events.csv?${query}`);
    expect(api.csvUrl({})).toBe('/api/v1/audit/events.csv');
  });

  it('verifies the chain with a POST', () => {
    let checked = 0;
    api.verify().subscribe((result) => (checked = result.checked));
    const request = backend.expectOne('/api/v1/audit/verify');
    expect(request.request.method).toBe('POST');
    request.flush({ ok: true, full: false, checked: 12, total: 40 });
    expect(checked).toBe(12);
  });

  it('reads a participant\'s recent access, showing its failure itself', () => {
    let actions: string[] = [];
    api.accessHistory('p/1').subscribe((items) => (actions = items.map((item) => item.action)));
    const request = backend.expectOne('/api/v1/participants/p%2F1/access-history');
    expect(request.request.context.get(SHOW_PROBLEM_SNACKBAR)).toBe(false);
    request.flush({ items: [{ occurredAt: '2026-11-21T10:00:00Z', actorName: 'Maria Delgado', actorRole: 'supervisor', action: 'participant.read', outcome: 'success' }] });
    expect(actions).toEqual(['participant.read']);
  });
});

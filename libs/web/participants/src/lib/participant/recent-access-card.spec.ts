import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AccessHistoryEntry } from '@waypoint/web-audit-data';
import { RecentAccessCard } from './recent-access-card';

const PARTICIPANT = '9b7d3c2e-0000-4000-8000-000000000002';
const URL = `/api/v1/participants/${PARTICIPANT}/access-history`;

describe('RecentAccessCard', () => {
  let fixture: ComponentFixture<RecentAccessCard>;
  let backend: HttpTestingController;
  let element: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(RecentAccessCard);
    fixture.componentRef.setInput('participantId', PARTICIPANT);
    element = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  const flush = async (items: AccessHistoryEntry[]) => {
    backend.expectOne(URL).flush({ items });
    await fixture.whenStable();
  };

  it('lists who viewed or changed the record: time, name, role and the action in words', async () => {
    expect(element.querySelector('mat-progress-spinner')).not.toBeNull();
    await flush([
      { occurredAt: '2026-11-21T10:00:00Z', actorName: 'Maria Delgado', actorRole: 'supervisor', action: 'participant.break-glass-read', outcome: 'success' },
      { occurredAt: '2026-11-20T09:00:00Z', actorName: null, actorRole: null, action: 'participant.read', outcome: 'denied' },
    ]);
    const entries = [...element.querySelectorAll('li')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    expect(entries[0]).toMatch(/^Maria Delgado · Supervisor View a record with emergency access .*2026/);
    expect(entries[1]).toMatch(/^Unknown user View a participant record Denied ?\w+.*2026/);
    expect(element.querySelector('li .badge.denied')).not.toBeNull();
    expect(element.querySelector('a.all')?.getAttribute('href')).toBe(`/audit?participantId=${PARTICIPANT}`);
  });

  it('says when no one has opened the record', async () => {
    await flush([]);
    expect(element.textContent).toContain('No one has opened this record yet.');
    expect(element.querySelector('a.all')).toBeNull();
  });

  it('explains a failure in place and tries again', async () => {
    backend.expectOne(URL).flush(null, { status: 503, statusText: 'Unavailable' });
    await fixture.whenStable();
    expect(element.querySelector('[role="alert"]')?.textContent).toBe('Recent access could not be loaded.');
    [...element.querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Try again')?.click();
    await fixture.whenStable();
    await flush([{ occurredAt: '2026-11-21T10:00:00Z', actorName: 'Sam Okafor', actorRole: 'specialist', action: 'participant.read', outcome: 'success' }]);
    expect(element.querySelectorAll('li')).toHaveLength(1);
  });
});

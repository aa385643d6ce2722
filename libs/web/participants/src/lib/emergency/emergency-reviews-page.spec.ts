import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { SessionStore } from '@waypoint/web-auth';
import type { BreakGlassReview } from '@waypoint/web-participant-data';
import { EmergencyReviewsPage } from './emergency-reviews-page';

function review(id: string, overrides: Partial<BreakGlassReview> = {}): BreakGlassReview {
  return {
    id,
    grantedAt: '2026-11-21T10:00:00Z',
    expiresAt: '2026-11-21T11:00:00Z',
    active: true,
    reason: 'Arrived in crisis; specialist unreachable.',
    requesterId: 'someone-else',
    requesterName: 'Maria Delgado',
    requesterRole: 'supervisor',
    participantId: `p-${id}-0000-0000`,
    participantInitials: 'SC',
    reviewedAt: null,
    reviewerName: null,
    reviewNote: null,
    ...overrides,
  };
}

describe('EmergencyReviewsPage', () => {
  let fixture: ComponentFixture<EmergencyReviewsPage>;
  let backend: HttpTestingController;
  let element: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: SessionStore, useValue: { user: signal({ id: 'me' }) } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(EmergencyReviewsPage);
    element = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => {
    TestBed.inject(MatDialog).closeAll();
    backend.verify();
  });

  const flush = async (items: BreakGlassReview[], pending = true) => {
    backend.expectOne(`/api/v1/break-glass/grants?pending=${pending}&limit=25`).flush({ items, nextCursor: null });
    await fixture.whenStable();
  };

  it('lists pending reviews with who, why and the participant as initials only', async () => {
    await flush([review('1'), review('2', { requesterId: 'me', requesterName: 'Me Myself' })]);
    const rows = [...element.querySelectorAll('tr.mat-mdc-row')];
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain('Maria Delgado');
    expect(rows[0].textContent).toContain('SC');
    expect(rows[0].textContent).toContain('Arrived in crisis');
    // Nobody acknowledges their own.
    expect(rows[0].querySelector('button')?.getAttribute('aria-label')).toBe('Acknowledge the access by Maria Delgado');
    expect(rows[1].querySelector('button')).toBeNull();
    expect(rows[1].textContent).toContain('another reviewer acknowledges it');
  });

  it('acknowledges with a note, then reloads the list', async () => {
    await flush([review('1')]);
    element.querySelector<HTMLButtonElement>('tr.mat-mdc-row button')?.click();
    await fixture.whenStable();
    const textarea = document.querySelector<HTMLTextAreaElement>('lib-acknowledge-dialog textarea');
    if (!textarea) throw new Error('the dialog did not open');
    textarea.value = ' Confirmed with the on-call lead. ';
    textarea.dispatchEvent(new Event('input'));
    [...document.querySelectorAll<HTMLButtonElement>('lib-acknowledge-dialog button')].find((b) => b.textContent?.trim() === 'Acknowledge')?.click();
    await fixture.whenStable();
    const request = backend.expectOne('/api/v1/break-glass/grants/1/acknowledge');
    expect(request.request.body).toEqual({ note: 'Confirmed with the on-call lead.' });
    request.flush(null, { status: 204, statusText: 'No Content' });
    await flush([]);
    expect(element.querySelector('[role="status"]')?.textContent).toContain('Acknowledged the emergency access by Maria Delgado.');
    expect(element.textContent).toContain('Nothing waiting for review');
  });

  it('shows every grant, reviewed ones with their reviewer, on request', async () => {
    await flush([]);
    const all = [...element.querySelectorAll<HTMLButtonElement>('mat-button-toggle button')].find((b) => b.textContent?.includes('All'));
    all?.click();
    await fixture.whenStable();
    await flush([review('1', { active: false, reviewedAt: '2026-11-21T12:00:00Z', reviewerName: 'Alex Kim', reviewNote: 'Checked.' })], false);
    const row = element.querySelector('tr.mat-mdc-row');
    expect(row?.textContent).toContain('Reviewed by Alex Kim');
    expect(row?.textContent).toContain('“Checked.”');
    expect(row?.querySelector('button')).toBeNull();
  });
});

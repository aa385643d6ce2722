import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import { PROBLEM_CONTENT_TYPE } from '@waypoint/shared-contracts';
import { type Permission, ROLE_PERMISSIONS } from '@waypoint/shared-contracts';
import { SessionStore } from '@waypoint/web-auth';
import { ParticipantPage } from './participant-page';

describe('ParticipantPage', () => {
  let fixture: ComponentFixture<ParticipantPage>;
  let backend: HttpTestingController;
  let element: HTMLElement;

  async function render(permissions: readonly Permission[]) {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: SessionStore, useValue: { can: (permission: Permission) => permissions.includes(permission), user: signal(null) } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ParticipantPage);
    fixture.componentRef.setInput('id', 'p-1');
    element = fixture.nativeElement;
    await fixture.whenStable();
  }

  afterEach(() => {
    TestBed.inject(MatDialog).closeAll();
    backend.verify();
  });

  const record = { id: 'p-1', legalFirstName: 'Marcus', legalLastName: 'Bell', preferredName: null, pronouns: 'he/him', status: 'active', version: 1 };

  describe('for a specialist', () => {
    beforeEach(() => render(ROLE_PERMISSIONS.specialist));

    it('shows a spinner, then the participant, without asking who accessed the record', async () => {
      expect(element.querySelector('mat-progress-spinner')).not.toBeNull();
      backend.expectOne('/api/v1/participants/p-1').flush(record);
      await fixture.whenStable();
      expect(element.querySelector('h1')?.textContent).toBe('Marcus Bell');
      expect(element.querySelector('mat-progress-spinner')).toBeNull();
      expect([...element.querySelectorAll('button')].some((button) => button.textContent?.includes('Change status'))).toBe(true);
      backend.expectNone('/api/v1/participants/p-1/access-history');
      expect(element.querySelector('lib-recent-access-card')).toBeNull();
    });

    it('says the participant is not in the caseload on a 404, and follows a new id', async () => {
      backend.expectOne('/api/v1/participants/p-1').flush(null, { status: 404, statusText: 'Not Found' });
      await fixture.whenStable();
      expect(element.textContent).toContain('This participant is not in your caseload');
      fixture.componentRef.setInput('id', 'p-2');
      await fixture.whenStable();
      backend.expectOne('/api/v1/participants/p-2').flush({ ...record, id: 'p-2', legalLastName: 'Ortiz' });
      await fixture.whenStable();
      expect(element.querySelector('h1')?.textContent).toBe('Marcus Ortiz');
    });

    it('changes the status in a dialog and shows the updated record', async () => {
      backend.expectOne('/api/v1/participants/p-1').flush(record);
      await fixture.whenStable();
      const open = [...element.querySelectorAll('button')].find((button) => button.textContent?.includes('Change status'));
      open?.click();
      await fixture.whenStable();
      const dialog = document.querySelector('lib-change-status-dialog');
      if (!dialog) throw new Error('the dialog did not open');
      [...dialog.querySelectorAll('mat-radio-button')].find((radio) => radio.textContent?.includes('Inactive'))?.querySelector('input')?.click();
      await fixture.whenStable();
      dialog.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
      await fixture.whenStable();
      backend.expectOne({ method: 'POST', url: '/api/v1/participants/p-1/status' }).flush({ ...record, status: 'inactive', version: 2 });
      await fixture.whenStable();
      expect(element.querySelector('.badge')?.textContent).toBe('Inactive');
      expect(element.querySelector('[role="status"]')?.textContent).toContain('Status changed to Inactive.');
    });

    it('explains a refused change (409) and reloads the participant', async () => {
      backend.expectOne('/api/v1/participants/p-1').flush(record);
      await fixture.whenStable();
      [...element.querySelectorAll('button')].find((button) => button.textContent?.includes('Change status'))?.click();
      await fixture.whenStable();
      const dialog = document.querySelector('lib-change-status-dialog');
      [...(dialog?.querySelectorAll('mat-radio-button') ?? [])].find((radio) => radio.textContent?.includes('Inactive'))?.querySelector('input')?.click();
      await fixture.whenStable();
      dialog?.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
      await fixture.whenStable();
      backend.expectOne('/api/v1/participants/p-1/status').flush(
        { type: '/problems/conflict', title: 'Conflict', status: 409, detail: 'Someone else changed this participant.', currentVersion: 2 },
        { status: 409, statusText: 'Conflict', headers: { 'content-type': PROBLEM_CONTENT_TYPE } },
      );
      await fixture.whenStable();
      expect(element.querySelector('[role="alert"]')?.textContent).toContain('Someone else changed this participant.');
      backend.expectOne('/api/v1/participants/p-1').flush({ ...record, status: 'discharged', version: 2 });
      await fixture.whenStable();
      expect(element.querySelector('.badge')?.textContent).toBe('Discharged');
    });

    it('offers a retry when loading fails', async () => {
      backend.expectOne('/api/v1/participants/p-1').flush(null, { status: 503, statusText: 'Unavailable' });
      await fixture.whenStable();
      [...element.querySelectorAll('button')].find((button) => button.textContent?.includes('Try again'))?.click();
      await fixture.whenStable();
      backend.expectOne('/api/v1/participants/p-1').flush(record);
      await fixture.whenStable();
      expect(element.querySelector('h1')?.textContent).toBe('Marcus Bell');
    });
  });

  describe('for someone who may only read', () => {
    beforeEach(() => render(['participants:read']));

    it('offers no status change', async () => {
      backend.expectOne('/api/v1/participants/p-1').flush(record);
      await fixture.whenStable();
      expect(element.querySelector('h1')?.textContent).toBe('Marcus Bell');
      expect([...element.querySelectorAll('button')].some((button) => button.textContent?.includes('Change status'))).toBe(false);
    });
  });

  describe('for a supervisor', () => {
    beforeEach(() => render(ROLE_PERMISSIONS.supervisor));

    it('adds who recently accessed the record, once the record has loaded', async () => {
      backend.expectNone('/api/v1/participants/p-1/access-history');
      backend.expectOne('/api/v1/participants/p-1').flush(record);
      await fixture.whenStable();
      backend.expectOne('/api/v1/participants/p-1/access-history').flush({
        items: [{ occurredAt: '2026-11-21T10:00:00Z', actorName: 'Sam Okafor', actorRole: 'specialist', action: 'participant.read', outcome: 'success' }],
      });
      await fixture.whenStable();
      const card = element.querySelector('lib-recent-access-card');
      expect(card?.querySelector('h2')?.textContent).toBe('Recent access');
      expect(card?.textContent).toContain('Sam Okafor');
      expect(card?.textContent).toContain('View a participant record');
    });

    it('does not ask about a record that is not in scope', async () => {
      backend.expectOne('/api/v1/participants/p-1').flush(null, { status: 404, statusText: 'Not Found' });
      await fixture.whenStable();
      backend.expectNone('/api/v1/participants/p-1/access-history');
      expect(element.querySelector('lib-recent-access-card')).toBeNull();
    });
  });
});

import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
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
        { provide: SessionStore, useValue: { can: (permission: Permission) => permissions.includes(permission) } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ParticipantPage);
    fixture.componentRef.setInput('id', 'p-1');
    element = fixture.nativeElement;
    await fixture.whenStable();
  }

  afterEach(() => backend.verify());

  const record = { id: 'p-1', legalFirstName: 'Marcus', legalLastName: 'Bell', preferredName: null, pronouns: 'he/him', status: 'active', version: 1 };

  describe('for a specialist', () => {
    beforeEach(() => render(ROLE_PERMISSIONS.specialist));

    it('shows a spinner, then the participant, without asking who accessed the record', async () => {
      expect(element.querySelector('mat-progress-spinner')).not.toBeNull();
      backend.expectOne('/api/v1/participants/p-1').flush(record);
      await fixture.whenStable();
      expect(element.querySelector('h1')?.textContent).toBe('Marcus Bell');
      expect(element.querySelector('mat-progress-spinner')).toBeNull();
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

import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import { type Permission, PROBLEM_CONTENT_TYPE, ROLE_PERMISSIONS } from '@waypoint/shared-contracts';
import { SessionStore } from '@waypoint/web-auth';
import type { ParticipantRecord } from '@waypoint/web-participant-data';
import { ParticipantContext } from './participant-context';
import { ParticipantOverview } from './participant-overview';

const record: ParticipantRecord = {
  id: 'p-1',
  legalFirstName: 'Marcus',
  legalLastName: 'Bell',
  preferredName: null,
  pronouns: 'he/him',
  status: 'active',
  version: 1,
  phone: '(312) 555-0101',
  recoveryPathways: ['mat'],
  primarySubstances: ['opioids'],
};

describe('ParticipantOverview', () => {
  let fixture: ComponentFixture<ParticipantOverview>;
  let backend: HttpTestingController;
  let element: HTMLElement;
  let context: { participant: ReturnType<typeof signal<ParticipantRecord | null>>; replace: jest.Mock; reload: jest.Mock };

  async function render(permissions: readonly Permission[]) {
    const participant = signal<ParticipantRecord | null>(record);
    context = { participant, replace: jest.fn((next: ParticipantRecord) => participant.set(next)), reload: jest.fn() };
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: SessionStore, useValue: { can: (permission: Permission) => permissions.includes(permission), user: signal({ timeZone: 'America/Chicago' }) } },
        { provide: ParticipantContext, useValue: context },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ParticipantOverview);
    element = fixture.nativeElement;
    await fixture.whenStable();
    // What the cards ask for when they appear.
    backend.expectOne((r) => r.url === '/api/v1/participants/p-1/tasks').flush({ items: [], nextCursor: null });
    backend.expectOne('/api/v1/participants/p-1/plan').flush({ goals: [] });
    backend.expectOne('/api/v1/participants/p-1/safety-events').flush({ items: [] });
    backend.expectOne('/api/v1/participants/p-1/assignments').flush({
      items: [{ id: 'a-1', specialistId: 'u-1', specialistName: 'Jordan Avery', kind: 'primary', startsOn: '2026-01-05', endsOn: null, current: true }],
    });
    await fixture.whenStable();
  }

  afterEach(() => {
    TestBed.inject(MatDialog).closeAll();
    backend.verify();
  });

  const button = (label: string) => [...element.querySelectorAll('button')].find((candidate) => candidate.textContent?.includes(label));
  const submitDialog = async (selector: string) => {
    document.querySelector<HTMLButtonElement>(`${selector} button[type="submit"]`)?.click();
    await fixture.whenStable();
  };

  describe('for a specialist', () => {
    beforeEach(() => render(ROLE_PERMISSIONS.specialist));

    it('shows next steps, safety, the care team and the facts, but leaves the name to the shell', async () => {
      expect(element.querySelector('h1')).toBeNull();
      expect([...element.querySelectorAll('h2')].map((heading) => heading.textContent)).toEqual(['Next steps', 'Safety events', 'Care team', 'Contact', 'Recovery']);
      expect(element.querySelector('lib-care-team-card')?.textContent).toContain('Jordan Avery');
      expect(button('Assign / transfer')).toBeUndefined();
      expect(button('Record safety event')).toBeDefined();
      backend.expectNone('/api/v1/participants/p-1/access-history');
    });

    it('changes the status in a dialog and hands the updated record to the shell', async () => {
      button('Change status')?.click();
      await fixture.whenStable();
      const dialog = document.querySelector('lib-change-status-dialog');
      if (!dialog) throw new Error('the dialog did not open');
      [...dialog.querySelectorAll('mat-radio-button')].find((radio) => radio.textContent?.includes('Inactive'))?.querySelector('input')?.click();
      await fixture.whenStable();
      await submitDialog('lib-change-status-dialog');
      const saved = { ...record, status: 'inactive' as const, version: 2 };
      backend.expectOne({ method: 'POST', url: '/api/v1/participants/p-1/status' }).flush(saved);
      await fixture.whenStable();
      expect(context.replace).toHaveBeenCalledWith(saved);
      expect(element.querySelector('[role="status"]')?.textContent).toBe('Status changed to Inactive.');
    });

    it('explains a refused change (409) and asks the shell to read the record again', async () => {
      button('Change status')?.click();
      await fixture.whenStable();
      const dialog = document.querySelector('lib-change-status-dialog');
      [...(dialog?.querySelectorAll('mat-radio-button') ?? [])].find((radio) => radio.textContent?.includes('Inactive'))?.querySelector('input')?.click();
      await fixture.whenStable();
      await submitDialog('lib-change-status-dialog');
      backend.expectOne('/api/v1/participants/p-1/status').flush(
        { type: '/problems/conflict', title: 'Conflict', status: 409, detail: 'Someone else changed this participant.', currentVersion: 2 },
        { status: 409, statusText: 'Conflict', headers: { 'content-type': PROBLEM_CONTENT_TYPE } },
      );
      await fixture.whenStable();
      expect(element.querySelector('[role="alert"]')?.textContent).toBe('Someone else changed this participant.');
      expect(context.reload).toHaveBeenCalled();
    });

    it('raises the high-risk flag from the safety card and shows it at once', async () => {
      button('Flag high risk')?.click();
      await fixture.whenStable();
      const reason = document.querySelector<HTMLTextAreaElement>('lib-risk-flag-dialog textarea');
      if (!reason) throw new Error('the dialog did not open');
      reason.value = 'Lost housing; using alone';
      reason.dispatchEvent(new Event('input'));
      await submitDialog('lib-risk-flag-dialog');
      const request = backend.expectOne({ method: 'POST', url: '/api/v1/participants/p-1/risk-flag' });
      expect(request.request.body).toEqual({ highRisk: true, reason: 'Lost housing; using alone', version: 1 });
      const flagged = { ...record, highRisk: true, highRiskReason: 'Lost housing; using alone', version: 2 };
      request.flush(flagged);
      await fixture.whenStable();
      expect(context.replace).toHaveBeenCalledWith(flagged);
      expect(element.querySelector('[role="status"]')?.textContent).toContain('Flagged high risk.');
      expect(button('Clear flag')).toBeDefined();
    });
  });

  describe('for someone who may only read', () => {
    beforeEach(() => render(['participants:read']));

    it('offers no change: no status, no safety event, no flag, no assignment', () => {
      expect(element.querySelector('lib-safety-events-card')).not.toBeNull();
      for (const label of ['Change status', 'Record safety event', 'Flag high risk', 'Assign / transfer']) expect(button(label)).toBeUndefined();
    });
  });

  describe('for a supervisor', () => {
    beforeEach(() => render(ROLE_PERMISSIONS.supervisor));

    it('offers assigning and shows who recently accessed the record', async () => {
      expect(button('Assign / transfer')).toBeDefined();
      backend.expectOne('/api/v1/participants/p-1/access-history').flush({ items: [] });
      await fixture.whenStable();
      expect(element.querySelector('lib-recent-access-card')?.textContent).toContain('No one has opened this record yet.');
    });
  });
});

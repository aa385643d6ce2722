import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import type { ParticipantRecord } from '@waypoint/web-participant-data';
import { RiskFlagDialog } from './risk-flag-dialog';

const participant: ParticipantRecord = { id: 'p-1', legalFirstName: 'Ashley', legalLastName: 'Nguyen', preferredName: 'Ash', pronouns: null, status: 'active', version: 3 };
const URL = '/api/v1/participants/p-1/risk-flag';

describe('RiskFlagDialog', () => {
  let fixture: ComponentFixture<RiskFlagDialog>;
  let backend: HttpTestingController;
  let element: HTMLElement;
  let close: jest.Mock;

  async function render(record: ParticipantRecord) {
    close = jest.fn();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: MAT_DIALOG_DATA, useValue: { participant: record } },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(RiskFlagDialog);
    element = fixture.nativeElement;
    await fixture.whenStable();
  }

  afterEach(() => backend.verify());

  const submit = async () => {
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();
  };
  async function typeReason(value: string) {
    const reason = element.querySelector<HTMLTextAreaElement>('textarea');
    if (!reason) throw new Error('no reason field');
    reason.value = value;
    reason.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  it('requires a reason to raise the flag, and sends it with the version read', async () => {
    await render({ ...participant, highRisk: false });
    expect(element.querySelector('h2')?.textContent?.trim()).toBe('Flag high risk');
    expect(element.textContent).toContain('The flag shows wherever Ash Nguyen appears');
    await submit();
    expect(element.textContent).toContain('Give the reason in at least 3 characters.');
    await typeReason('  ');
    await submit();
    backend.expectNone(URL);

    await typeReason(' Lost housing; using alone ');
    await submit();
    const request = backend.expectOne({ method: 'POST', url: URL });
    expect(request.request.body).toEqual({ highRisk: true, reason: 'Lost housing; using alone', version: 3 });
    const saved = { ...participant, highRisk: true, version: 4 };
    request.flush(saved);
    expect(close).toHaveBeenCalledWith({ saved });
  });

  it('clears the flag without a reason, showing why it was raised', async () => {
    await render({ ...participant, highRisk: true, highRiskReason: 'Overdose recorded for 2026-11-12' });
    expect(element.querySelector('h2')?.textContent?.trim()).toBe('Clear the high-risk flag');
    expect(element.textContent).toContain('Flagged because: Overdose recorded for 2026-11-12');
    expect(element.querySelector('textarea')).toBeNull();
    await submit();
    const request = backend.expectOne(URL);
    expect(request.request.body).toEqual({ highRisk: false, version: 3 });
    request.flush({ ...participant, highRisk: false, version: 4 });
    expect(close).toHaveBeenCalled();
  });

  it('hands a stale version (409) back to the page, and shows other failures itself', async () => {
    await render({ ...participant, highRisk: true });
    await submit();
    backend.expectOne(URL).flush({}, { status: 409, statusText: 'Conflict' });
    expect(close).toHaveBeenCalledWith({ conflict: expect.stringContaining('Someone else changed this participant meanwhile') });

    close.mockClear();
    await fixture.whenStable();
    await submit();
    backend.expectOne(URL).flush(null, { status: 503, statusText: 'Unavailable' });
    await fixture.whenStable();
    expect(close).not.toHaveBeenCalled();
    expect(element.querySelector('[role="alert"]')?.textContent).toBe('The flag could not be changed. Try again.');
  });
});

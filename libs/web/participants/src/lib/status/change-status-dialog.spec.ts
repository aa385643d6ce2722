import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { PROBLEM_CONTENT_TYPE } from '@waypoint/shared-contracts';
import type { ParticipantRecord } from '@waypoint/web-participant-data';
import { ChangeStatusDialog } from './change-status-dialog';
import { todayIn } from './calendar-date';

const participant: ParticipantRecord = {
  id: 'p-1',
  legalFirstName: 'Marcus',
  legalLastName: 'Bell',
  preferredName: null,
  pronouns: null,
  status: 'active',
  version: 4,
};

describe('ChangeStatusDialog', () => {
  let fixture: ComponentFixture<ChangeStatusDialog>;
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
        { provide: MAT_DIALOG_DATA, useValue: { participant: record, timeZone: 'America/Chicago' } },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ChangeStatusDialog);
    element = fixture.nativeElement;
    await fixture.whenStable();
  }

  afterEach(() => backend.verify());

  const choices = () => [...element.querySelectorAll('mat-radio-button')].map((radio) => radio.textContent?.trim());
  const choose = async (label: string) => {
    [...element.querySelectorAll('mat-radio-button')].find((radio) => radio.textContent?.trim() === label)?.querySelector('input')?.click();
    await fixture.whenStable();
  };
  const submit = async () => {
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();
  };
  async function type(selector: string, value: string) {
    const input = element.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
    if (!input) throw new Error(`no ${selector}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  it('offers only the moves allowed from the current status', async () => {
    await render(participant);
    expect(choices()).toEqual(['Inactive', 'Discharged']);
    fixture.destroy();
    TestBed.resetTestingModule();
    await render({ ...participant, status: 'discharged' });
    expect(choices()).toEqual(['Referred', 'Active']);
  });

  it('dates the change today by default and refuses a future date', async () => {
    await render(participant);
    const date = element.querySelector<HTMLInputElement>('input[type="date"]');
    const today = todayIn('America/Chicago');
    expect(date?.value).toBe(today);
    expect(date?.max).toBe(today);
    await choose('Inactive');
    await type('input[type="date"]', '2999-01-01');
    await submit();
    expect(element.textContent).toContain('The date cannot be in the future.');
    backend.expectNone('/api/v1/participants/p-1/status');
  });

  it('requires a reason for a discharge, and sends it with the version read', async () => {
    await render(participant);
    await submit();
    expect(element.textContent).toContain('Choose the new status.');
    await choose('Discharged');
    expect(element.textContent).toContain('Reason for discharge');
    await type('textarea', '  ');
    await submit();
    expect(element.textContent).toContain('Give the reason for the discharge in at least 3 characters.');
    backend.expectNone('/api/v1/participants/p-1/status');

    await type('textarea', ' Moved out of state ');
    await type('input[type="date"]', '2026-01-02');
    await submit();
    const request = backend.expectOne({ method: 'POST', url: '/api/v1/participants/p-1/status' });
    expect(request.request.body).toEqual({ status: 'discharged', effectiveOn: '2026-01-02', reason: 'Moved out of state', version: 4 });
    const saved = { ...participant, status: 'discharged', version: 5 };
    request.flush(saved);
    expect(close).toHaveBeenCalledWith({ saved });
  });

  it('counts the reason’s characters as they are typed', async () => {
    await render(participant);
    const hint = () => element.querySelector('mat-hint')?.textContent?.trim();
    expect(hint()).toBe('0 of 500 characters');
    await type('textarea', 'Moved away');
    expect(hint()).toBe('10 of 500 characters');
  });

  it('does not require a reason for other moves', async () => {
    await render(participant);
    await choose('Inactive');
    expect(element.textContent).toContain('Reason (optional)');
    await submit();
    const request = backend.expectOne({ method: 'POST', url: '/api/v1/participants/p-1/status' });
    expect(request.request.body).toEqual({ status: 'inactive', effectiveOn: todayIn('America/Chicago'), version: 4 });
    request.flush({ ...participant, status: 'inactive', version: 5 });
  });

  it('hands a refusal (409) back to the page, and shows other failures itself', async () => {
    await render(participant);
    await choose('Inactive');
    await submit();
    backend.expectOne('/api/v1/participants/p-1/status').flush(
      { type: '/problems/conflict', title: 'Conflict', status: 409, detail: 'Someone else changed this participant.', currentVersion: 5 },
      { status: 409, statusText: 'Conflict', headers: { 'content-type': PROBLEM_CONTENT_TYPE } },
    );
    expect(close).toHaveBeenCalledWith({ conflict: 'Someone else changed this participant.' });

    close.mockClear();
    await fixture.whenStable();
    await submit();
    backend.expectOne('/api/v1/participants/p-1/status').flush(null, { status: 503, statusText: 'Unavailable' });
    await fixture.whenStable();
    expect(close).not.toHaveBeenCalled();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('The status could not be changed. Try again.');
  });
});

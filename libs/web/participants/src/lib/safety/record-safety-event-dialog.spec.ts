import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { PROBLEM_CONTENT_TYPE } from '@waypoint/shared-contracts';
import { todayIn } from '../status/calendar-date';
import { RecordSafetyEventDialog } from './record-safety-event-dialog';

const URL = '/api/v1/participants/p-1/safety-events';

describe('RecordSafetyEventDialog', () => {
  let fixture: ComponentFixture<RecordSafetyEventDialog>;
  let backend: HttpTestingController;
  let element: HTMLElement;
  let close: jest.Mock;

  beforeEach(async () => {
    close = jest.fn();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: MAT_DIALOG_DATA, useValue: { participantId: 'p-1', timeZone: 'America/Chicago' } },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(RecordSafetyEventDialog);
    element = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  const openKinds = async () => {
    element.querySelector<HTMLElement>('mat-select .mat-mdc-select-trigger')?.click();
    await fixture.whenStable();
    return [...document.querySelectorAll<HTMLElement>('mat-option')];
  };
  const choose = async (label: string) => {
    (await openKinds()).find((option) => option.textContent?.trim() === label)?.click();
    await fixture.whenStable();
  };
  async function type(selector: string, value: string) {
    const input = element.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
    if (!input) throw new Error(`no ${selector}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }
  const submit = async () => {
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();
  };

  it('names every kind in words', async () => {
    const options = await openKinds();
    expect(options.map((option) => option.textContent?.trim())).toEqual([
      'Overdose',
      'Naloxone administered',
      'Naloxone provided',
      'Crisis',
      '988 warm handoff',
      'Emergency department visit',
    ]);
    options[0].click();
    await fixture.whenStable();
    expect(element.textContent).toContain("An overdose flags the participant as high risk and tells the team's supervisor.");
  });

  it('requires the kind and a description, dates it today by default and refuses a future date', async () => {
    const date = element.querySelector<HTMLInputElement>('input[type="date"]');
    const today = todayIn('America/Chicago');
    expect(date?.value).toBe(today);
    expect(date?.max).toBe(today);
    await submit();
    expect(element.textContent).toContain('Choose the kind of event.');
    expect(element.textContent).toContain('Describe what happened.');

    await choose('Crisis');
    await type('textarea[formcontrolname="description"]', '   ');
    await type('input[type="date"]', '2999-01-01');
    await submit();
    expect(element.textContent).toContain('Describe what happened.');
    expect(element.textContent).toContain('The date cannot be in the future.');
    backend.expectNone(URL);
  });

  it('sends the event trimmed, leaving out an empty follow-up, and closes with the answer', async () => {
    await choose('Naloxone provided');
    await type('input[type="date"]', '2026-11-10');
    await type('textarea[formcontrolname="description"]', '  Gave a naloxone kit at the drop-in  ');
    await submit();
    const request = backend.expectOne({ method: 'POST', url: URL });
    expect(request.request.body).toEqual({ kind: 'naloxone_provided', occurredOn: '2026-11-10', description: 'Gave a naloxone kit at the drop-in' });
    const answer = { id: 'e-1', flagRaised: false, participant: { id: 'p-1', version: 3 } };
    request.flush(answer);
    expect(close).toHaveBeenCalledWith({ recorded: answer });
  });

  it('sends the follow-up when there is one, and shows a refusal in place', async () => {
    await choose('988 warm handoff');
    await type('textarea[formcontrolname="description"]', 'Connected with 988 by phone');
    await type('textarea[formcontrolname="followUp"]', 'Check in tomorrow');
    await submit();
    const request = backend.expectOne(URL);
    expect(request.request.body.followUp).toBe('Check in tomorrow');
    request.flush(
      { type: '/problems/validation', title: 'Bad request', status: 400, detail: 'A safety event cannot be dated in the future.' },
      { status: 400, statusText: 'Bad Request', headers: { 'content-type': PROBLEM_CONTENT_TYPE } },
    );
    await fixture.whenStable();
    expect(close).not.toHaveBeenCalled();
    expect(element.querySelector('[role="alert"]')?.textContent).toBe('A safety event cannot be dated in the future.');
  });
});

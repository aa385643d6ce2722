import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { PROBLEM_CONTENT_TYPE } from '@waypoint/shared-contracts';
import type { CareAssignment } from '@waypoint/web-participant-data';
import { todayIn } from '../status/calendar-date';
import { AssignDialog } from './assign-dialog';

const URL = '/api/v1/participants/p-1/assignments';
const SPECIALISTS = '/api/v1/care-team/specialists';
const current: CareAssignment = { id: 'a-1', specialistId: 'u-1', specialistName: 'Jordan Avery', kind: 'primary', startsOn: '2026-01-05', endsOn: null, current: true };
const specialists = [
  { id: 'u-1', displayName: 'Jordan Avery', teamName: 'North', caseloadSize: 12 },
  { id: 'u-2', displayName: 'Maria Delgado', teamName: 'North', caseloadSize: 1 },
  { id: 'u-3', displayName: 'Sam Okafor', teamName: null, caseloadSize: 8 },
];
const problem = (status: number, detail: string) => [
  { type: '/problems/x', title: 'Refused', status, detail },
  { status, statusText: 'Refused', headers: { 'content-type': PROBLEM_CONTENT_TYPE } },
] as const;

describe('AssignDialog', () => {
  let fixture: ComponentFixture<AssignDialog>;
  let backend: HttpTestingController;
  let element: HTMLElement;
  let close: jest.Mock;

  async function render(assignments: CareAssignment[]) {
    close = jest.fn();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: MAT_DIALOG_DATA, useValue: { participantId: 'p-1', assignments, timeZone: 'America/Chicago' } },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AssignDialog);
    element = fixture.nativeElement;
    await fixture.whenStable();
  }

  afterEach(() => backend.verify());

  const loadSpecialists = async () => {
    backend.expectOne(SPECIALISTS).flush({ items: specialists });
    await fixture.whenStable();
  };
  const pick = async (field: 'primary' | 'secondary', name: string) => {
    element.querySelector<HTMLElement>(`mat-select[formcontrolname="${field}"] .mat-mdc-select-trigger`)?.click();
    await fixture.whenStable();
    [...document.querySelectorAll<HTMLElement>('mat-option')].find((option) => option.textContent?.trim().startsWith(name))?.click();
    await fixture.whenStable();
  };
  const submit = async () => {
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();
  };
  async function setDate(value: string) {
    const input = element.querySelector<HTMLInputElement>('input[type="date"]');
    if (!input) throw new Error('no date');
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  it('lists whom the caller may assign, with team and caseload, starting from the current primary', async () => {
    await render([current]);
    expect(element.querySelector('mat-progress-spinner')).not.toBeNull();
    await loadSpecialists();
    expect(element.textContent).toContain('Jordan Avery is the primary specialist now.');
    expect(element.querySelector('mat-select[formcontrolname="primary"]')?.textContent).toContain('Jordan Avery');
    element.querySelector<HTMLElement>('mat-select[formcontrolname="primary"] .mat-mdc-select-trigger')?.click();
    await fixture.whenStable();
    expect([...document.querySelectorAll('mat-option')].map((option) => option.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'Jordan Avery · North · 12 participants',
      'Maria Delgado · North · 1 participant',
      'Sam Okafor · 8 participants',
    ]);
  });

  it('dates the change today by default and refuses a past date', async () => {
    await render([current]);
    await loadSpecialists();
    const today = todayIn('America/Chicago');
    const date = element.querySelector<HTMLInputElement>('input[type="date"]');
    expect(date?.value).toBe(today);
    expect(date?.min).toBe(today);
    await pick('primary', 'Sam Okafor');
    await setDate('2020-01-01');
    await submit();
    expect(element.textContent).toContain('The date cannot be in the past');
    backend.expectNone(URL);
  });

  it('transfers the primary on the chosen date, then adds the secondary, and closes with the history', async () => {
    await render([current]);
    await loadSpecialists();
    await pick('primary', 'Sam Okafor');
    await pick('secondary', 'Jordan Avery');
    const nextWeek = new Date(`${todayIn('America/Chicago')}T00:00:00Z`);
    nextWeek.setUTCDate(nextWeek.getUTCDate() + 7);
    const effective = nextWeek.toISOString().slice(0, 10);
    await setDate(effective);
    await submit();
    const primary = backend.expectOne({ method: 'POST', url: URL });
    expect(primary.request.body).toEqual({ specialistId: 'u-3', kind: 'primary', startsOn: effective });
    primary.flush({ items: [{ id: 'a-2' }] });
    const secondary = backend.expectOne({ method: 'POST', url: URL });
    expect(secondary.request.body).toEqual({ specialistId: 'u-1', kind: 'secondary', startsOn: effective });
    secondary.flush({ items: [{ id: 'a-3' }, { id: 'a-2' }] });
    expect(close).toHaveBeenCalledWith({ saved: { items: [{ id: 'a-3' }, { id: 'a-2' }] } });
  });

  it('adds only a secondary when the primary stays, and refuses the same person twice or no change at all', async () => {
    await render([current]);
    await loadSpecialists();
    await submit();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('Nothing to change');
    await pick('secondary', 'Jordan Avery');
    await submit();
    expect(element.textContent).toContain('The secondary specialist must be someone other than the primary.');
    backend.expectNone(URL);

    await pick('secondary', 'Maria Delgado');
    await submit();
    const request = backend.expectOne({ method: 'POST', url: URL });
    expect(request.request.body).toMatchObject({ specialistId: 'u-2', kind: 'secondary' });
    request.flush({ items: [] });
    expect(close).toHaveBeenCalled();
  });

  it('requires a primary when no one carries the participant yet, and shows a refusal in place', async () => {
    await render([]);
    await loadSpecialists();
    await submit();
    expect(element.textContent).toContain('Choose the primary specialist.');
    await pick('primary', 'Maria Delgado');
    await submit();
    backend.expectOne(URL).flush(...problem(400, 'Assign to an active specialist of a team you supervise.'));
    await fixture.whenStable();
    expect(close).not.toHaveBeenCalled();
    expect(element.querySelector('[role="alert"]')?.textContent).toBe('Assign to an active specialist of a team you supervise.');
  });

  it('keeps a transfer that was saved when the secondary is refused, and says why', async () => {
    await render([current]);
    await loadSpecialists();
    await pick('primary', 'Sam Okafor');
    await pick('secondary', 'Maria Delgado');
    await submit();
    backend.expectOne(URL).flush({ items: [{ id: 'a-2' }] });
    backend.expectOne(URL).flush(...problem(409, 'This specialist is already assigned to this participant.'));
    expect(close).toHaveBeenCalledWith({ saved: { items: [{ id: 'a-2' }] }, problem: 'This specialist is already assigned to this participant.' });
  });

  it('says so when the specialists cannot be loaded, and offers no save', async () => {
    await render([current]);
    backend.expectOne(SPECIALISTS).flush(null, { status: 503, statusText: 'Unavailable' });
    await fixture.whenStable();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('could not be loaded');
    expect(element.querySelector<HTMLButtonElement>('button[type="submit"]')?.disabled).toBe(true);
  });
});

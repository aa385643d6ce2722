import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { PROBLEM_CONTENT_TYPE } from '@waypoint/shared-contracts';
import { SessionStore } from '@waypoint/web-auth';
import type { ParticipantRecord, SafetyEvent } from '@waypoint/web-participant-data';
import { type CardNotice, SafetyEventsCard } from './safety-events-card';

const participant: ParticipantRecord = { id: 'p-1', legalFirstName: 'Ashley', legalLastName: 'Nguyen', preferredName: null, pronouns: null, status: 'active', version: 3, highRisk: false };
const URL = '/api/v1/participants/p-1/safety-events';

const event = (overrides: Partial<SafetyEvent>): SafetyEvent => ({
  id: 'e-1',
  kind: 'crisis',
  occurredOn: '2026-11-02',
  description: 'Called in distress after an eviction notice',
  followUp: null,
  recordedByName: 'Jordan Avery',
  createdAt: '2026-11-02T18:00:00Z',
  ...overrides,
});

describe('SafetyEventsCard', () => {
  let fixture: ComponentFixture<SafetyEventsCard>;
  let backend: HttpTestingController;
  let element: HTMLElement;
  let said: CardNotice[];
  let changed: ParticipantRecord[];
  let stale: number;

  async function render(record: ParticipantRecord, canWrite = true) {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: SessionStore, useValue: { user: signal({ timeZone: 'America/Chicago' }) } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SafetyEventsCard);
    fixture.componentRef.setInput('participant', record);
    fixture.componentRef.setInput('canWrite', canWrite);
    said = [];
    changed = [];
    stale = 0;
    fixture.componentInstance.said.subscribe((notice) => said.push(notice));
    fixture.componentInstance.participantChanged.subscribe((next) => changed.push(next));
    fixture.componentInstance.stale.subscribe(() => stale++);
    element = fixture.nativeElement;
    await fixture.whenStable();
  }

  afterEach(() => {
    TestBed.inject(MatDialog).closeAll();
    backend.verify();
  });

  const button = (label: string) => [...element.querySelectorAll('button')].find((candidate) => candidate.textContent?.trim().includes(label));
  const flush = async (items: SafetyEvent[]) => {
    backend.expectOne(URL).flush({ items });
    await fixture.whenStable();
  };

  it('lists each event with its kind in words, date, description, follow-up and who recorded it', async () => {
    await render(participant);
    expect(element.querySelector('mat-progress-spinner')).not.toBeNull();
    await flush([
      event({ id: 'e-2', kind: 'overdose', occurredOn: '2026-11-12', description: 'Found unresponsive at home', followUp: 'Naloxone given; taken to County ED' }),
      event({ kind: 'warm_handoff_988', recordedByName: null }),
    ]);
    const rows = [...element.querySelectorAll('li.event')];
    const parts = (row: Element) => [...row.querySelectorAll('.text > span')].map((part) => part.textContent?.replace(/\s+/g, ' ').trim());
    expect(parts(rows[0])).toEqual([
      'Overdose · Nov 12, 2026',
      'Found unresponsive at home',
      'Follow-up: Naloxone given; taken to County ED',
      'Recorded by Jordan Avery',
    ]);
    expect(parts(rows[1])).toEqual(['988 warm handoff · Nov 2, 2026', 'Called in distress after an eviction notice']);
    expect(rows[0].querySelector('mat-icon')?.getAttribute('aria-hidden')).toBe('true');
    expect(element.querySelector('li.event.overdose')).not.toBeNull();
  });

  it('says when nothing has been recorded', async () => {
    await render(participant);
    await flush([]);
    expect(element.textContent).toContain('No safety events recorded.');
    expect(element.textContent).toContain('Not flagged high risk');
  });

  it('explains a failure in place and tries again', async () => {
    await render(participant);
    backend.expectOne(URL).flush(null, { status: 503, statusText: 'Unavailable' });
    await fixture.whenStable();
    expect(element.querySelector('[role="alert"]')?.textContent).toBe('Safety events could not be loaded.');
    button('Try again')?.click();
    await fixture.whenStable();
    await flush([event({})]);
    expect(element.querySelectorAll('li.event')).toHaveLength(1);
  });

  it('does not read the events again when only the participant’s version changes', async () => {
    await render(participant);
    await flush([]);
    fixture.componentRef.setInput('participant', { ...participant, highRisk: true, version: 4 });
    await fixture.whenStable();
    backend.expectNone(URL);
    expect(element.textContent).toContain('Flagged high risk');
  });

  it('offers no changes to someone who may only read', async () => {
    await render(participant, false);
    await flush([]);
    expect(button('Record safety event')).toBeUndefined();
    expect(button('Flag high risk')).toBeUndefined();
  });

  it('records an overdose, reads the events again and hands on the newly flagged participant', async () => {
    await render(participant);
    await flush([]);
    button('Record safety event')?.click();
    await fixture.whenStable();
    const dialog = document.querySelector('lib-record-safety-event-dialog');
    if (!dialog) throw new Error('the dialog did not open');
    dialog.querySelector<HTMLElement>('mat-select .mat-mdc-select-trigger')?.click();
    await fixture.whenStable();
    [...document.querySelectorAll<HTMLElement>('mat-option')].find((option) => option.textContent?.trim() === 'Overdose')?.click();
    await fixture.whenStable();
    const description = dialog.querySelector<HTMLTextAreaElement>('textarea[formcontrolname="description"]');
    if (!description) throw new Error('no description');
    description.value = 'Found unresponsive at home';
    description.dispatchEvent(new Event('input'));
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();

    const flagged = { ...participant, highRisk: true, highRiskReason: 'Overdose recorded for 2026-11-12', version: 4 };
    backend.expectOne({ method: 'POST', url: URL }).flush({ id: 'e-9', flagRaised: true, participant: flagged });
    await fixture.whenStable();
    await flush([event({ id: 'e-9', kind: 'overdose', description: 'Found unresponsive at home' })]);
    expect(changed).toEqual([flagged]);
    expect(said).toEqual([{ text: "Safety event recorded. The participant is now flagged high risk, and the team's supervisor has been told." }]);
    expect(element.querySelectorAll('li.event')).toHaveLength(1);
  });

  it('clears the flag, and on a stale version says so and asks for the record again', async () => {
    await render({ ...participant, highRisk: true, highRiskReason: 'Overdose recorded for 2026-11-12' });
    await flush([]);
    button('Clear flag')?.click();
    await fixture.whenStable();
    document.querySelector<HTMLButtonElement>('lib-risk-flag-dialog button[type="submit"]')?.click();
    await fixture.whenStable();
    const request = backend.expectOne({ method: 'POST', url: '/api/v1/participants/p-1/risk-flag' });
    expect(request.request.body).toEqual({ highRisk: false, version: 3 });
    request.flush(
      { type: '/problems/conflict', title: 'Conflict', status: 409, detail: 'This record was changed by someone else (now version 4); reload and try again.' },
      { status: 409, statusText: 'Conflict', headers: { 'content-type': PROBLEM_CONTENT_TYPE } },
    );
    await fixture.whenStable();
    expect(stale).toBe(1);
    expect(said[0].problem).toBe(true);
    expect(said[0].text).toContain('Someone else changed this participant meanwhile');
    expect(changed).toEqual([]);
  });
});

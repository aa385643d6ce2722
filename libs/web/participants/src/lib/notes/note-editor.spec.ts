import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import { DEFAULT_BILLING_RULE, type Permission, PROBLEM_CONTENT_TYPE, ROLE_PERMISSIONS } from '@waypoint/shared-contracts';
import { SessionStore } from '@waypoint/web-auth';
import type { SessionNote } from '@waypoint/web-participant-data';
import { NoteEditor } from './note-editor';
import { fieldsFromNote, instantOf, localDateTime } from './note-fields';
import { activeGoal, sessionNote } from './note-fixtures';
import { localCopies, writeLocalCopy } from './note-local-copy';
import type { NoteEditorContext } from './note-page-loader';

const user = { id: 'u-1', displayName: 'Jordan Avery', credentials: 'CPRS', timeZone: 'America/Chicago' };
const GIRP = { goal: 'Get my own apartment with a lease in my name', intervention: 'Called the housing authority together', response: 'Felt hopeful', plan: 'Tour on Friday' };

describe('NoteEditor', () => {
  let fixture: ComponentFixture<NoteEditor>;
  let backend: HttpTestingController;
  let element: HTMLElement;
  let created: SessionNote[];
  let signed: SessionNote[];

  async function render(note: SessionNote | null, context: Partial<NoteEditorContext> = {}) {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: SessionStore, useValue: { can: (permission: Permission) => ROLE_PERMISSIONS.specialist.includes(permission), user: signal(user) } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(NoteEditor);
    fixture.componentRef.setInput('participantId', 'p-1');
    fixture.componentRef.setInput('note', note);
    fixture.componentRef.setInput('context', { rule: DEFAULT_BILLING_RULE, goals: [activeGoal()], goalsFailed: false, recent: [], ...context });
    created = [];
    signed = [];
    fixture.componentInstance.created.subscribe((saved) => created.push(saved));
    fixture.componentInstance.signed.subscribe((saved) => signed.push(saved));
    element = fixture.nativeElement;
    await fixture.whenStable();
  }

  beforeEach(() => window.localStorage.clear());

  afterEach(() => {
    TestBed.inject(MatDialog).closeAll();
    fixture.destroy();
    backend.verify();
  });

  /** The input or textarea of the form field labelled `label`. */
  function field(label: string, root: ParentNode = element): HTMLInputElement {
    const formField = [...root.querySelectorAll('mat-form-field')].find((candidate) => candidate.querySelector('mat-label')?.textContent?.trim() === label);
    const control = formField?.querySelector<HTMLInputElement>('input, textarea');
    if (!control) throw new Error(`no field "${label}"`);
    return control;
  }
  async function type(label: string, value: string) {
    const control = field(label);
    control.value = value;
    control.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }
  /** Leaving the field: the editor saves at once. */
  async function leave(label: string) {
    field(label).dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    await fixture.whenStable();
  }
  /** A button by its words (an icon's ligature is not one of them). */
  const button = (label: string, root: ParentNode = document) =>
    [...root.querySelectorAll('button')].find((candidate) => candidate.textContent?.replace(candidate.querySelector('mat-icon')?.textContent ?? '', '').trim() === label);
  const units = () => element.querySelector('.units')?.textContent?.trim();
  const saveState = () => element.querySelector('.save-state')?.textContent?.trim();

  it('opens a new note at now minus 30 minutes, for 30 minutes, in person, GIRP, where the last note was, showing 2 units', async () => {
    // On the signed-in person's clock (Chicago), whatever the browser's.
    const before = localDateTime(new Date(Date.now() - 30 * 60_000), 'America/Chicago');
    await render(null, { recent: [sessionNote({ location: null }), sessionNote({ id: 'n-0', location: 'Community center' })] });
    const after = localDateTime(new Date(Date.now() - 30 * 60_000), 'America/Chicago');
    expect([before, after]).toContain(field('Started').value);
    expect(field('Duration (minutes)').value).toBe('30');
    expect(field('Location (optional)').value).toBe('Community center');
    expect(element.querySelector('mat-select[formcontrolname="modality"]')?.textContent).toContain('In person');
    expect(element.querySelector('mat-select[formcontrolname="format"]')?.textContent).toContain('GIRP');
    expect([...element.querySelectorAll('mat-form-field textarea')].map((area) => area.closest('mat-form-field')?.querySelector('mat-label')?.textContent?.trim())).toEqual([
      'Goal',
      'Intervention',
      'Response',
      'Plan',
    ]);
    expect(units()).toBe('2 units (H0038)');
    expect(saveState()).toContain('Not saved yet');
    // Nothing is sent until something is written.
    backend.expectNone(() => true);
  });

  it('shows the units live as the duration is typed, never as a field', async () => {
    await render(null);
    await type('Duration (minutes)', '45');
    expect(units()).toBe('3 units (H0038)');
    await type('Duration (minutes)', '15');
    expect(units()).toBe('1 unit (H0038)');
    await type('Duration (minutes)', '5');
    expect(units()).toBe('0 units (H0038)');
    expect(element.querySelector('input[formcontrolname="units"]')).toBeNull();
    // Leaving the editor sends what was waiting for the pause in typing; the API computes the units itself.
    fixture.destroy();
    const create = backend.expectOne({ method: 'POST', url: '/api/v1/participants/p-1/notes' });
    expect(create.request.body).toMatchObject({ durationMinutes: 5 });
    expect(create.request.body).not.toHaveProperty('units');
  });

  it('warns when the participant’s notes that day would pass the daily cap', async () => {
    const start = '2026-11-02T12:00';
    const sameDay = instantOf('2026-11-02T11:00', 'America/Chicago') as string;
    await render(null, { recent: [sessionNote({ id: 'a', startedAt: sameDay, units: 15 })] });
    await type('Started', start);
    expect(units()).toBe('1 unit (H0038)');
    expect(element.querySelector('.cap')?.textContent).toContain('This would pass the daily cap of 16 units (15 already billed that day): only 1 of 2 units can be billed.');

    // The API's answer after the save is the one that counts, and it is shown.
    await leave('Started');
    const create = backend.expectOne({ method: 'POST', url: '/api/v1/participants/p-1/notes' });
    // Noon on the specialist's clock in Chicago, whatever the browser's zone.
    expect(create.request.body.startedAt).toBe('2026-11-02T18:00:00.000Z');
    create
      .flush(sessionNote({ startedAt: instantOf(start, 'America/Chicago') as string, units: 0, billing: { units: 0, requested: 2, capped: true, over: 2, modifiers: [] } }));
    await fixture.whenStable();
    expect(units()).toBe('0 units (H0038)');
    expect(element.querySelector('.cap')?.textContent).toContain('The daily cap of 16 units is reached (16 already billed that day): this note bills 0 of 2 units.');
  });

  it('links a goal and fills the Goal section with its statement', async () => {
    await render(null);
    const box = [...element.querySelectorAll('mat-checkbox')].find((candidate) => candidate.textContent?.includes('Get my own apartment'));
    box?.querySelector('input')?.click();
    await fixture.whenStable();
    expect(field('Goal').value).toBe('Get my own apartment with a lease in my name');
    await leave('Goal');
    const create = backend.expectOne({ method: 'POST', url: '/api/v1/participants/p-1/notes' });
    expect(create.request.body).toMatchObject({ goalIds: [activeGoal().id], sections: { goal: 'Get my own apartment with a lease in my name' } });
    create.flush(sessionNote());
  });

  it('creates the draft when a field is left, with one Idempotency-Key, and says when it was saved', async () => {
    await render(null);
    await type('Intervention', 'Called the housing authority together');
    await leave('Intervention');
    const create = backend.expectOne({ method: 'POST', url: '/api/v1/participants/p-1/notes' });
    const key = create.request.headers.get('Idempotency-Key');
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    expect(create.request.body).toMatchObject({ durationMinutes: 30, modality: 'in_person', format: 'GIRP', sections: { intervention: 'Called the housing authority together' } });
    expect(create.request.body).not.toHaveProperty('units');
    expect(saveState()).toBe('Saving…');
    create.flush(sessionNote({ sections: { intervention: 'Called the housing authority together' }, billing: { units: 2, requested: 2, capped: false, over: 0, modifiers: [] } }));
    await fixture.whenStable();
    expect(saveState()).toMatch(/^Saved at \d{1,2}:\d{2}/);
    expect(created.map((note) => note.id)).toEqual(['n-1']);
    expect(localCopies(window.localStorage, 'p-1')).toEqual([]);
  });

  it('says it is offline and keeps the changes, then retries with the same key when back online', async () => {
    await render(null);
    await type('Plan', 'Tour on Friday');
    await leave('Plan');
    const first = backend.expectOne({ method: 'POST', url: '/api/v1/participants/p-1/notes' });
    const key = first.request.headers.get('Idempotency-Key');
    first.error(new ProgressEvent('error'), { status: 0 });
    await fixture.whenStable();
    expect(saveState()).toBe('Offline — will retry. Your changes are kept on this device.');
    expect(localCopies(window.localStorage, 'p-1')[0]?.fields.sections['plan']).toBe('Tour on Friday');

    window.dispatchEvent(new Event('online'));
    const retry = backend.expectOne({ method: 'POST', url: '/api/v1/participants/p-1/notes' });
    expect(retry.request.headers.get('Idempotency-Key')).toBe(key);
    retry.flush(sessionNote({ replayed: true }));
    await fixture.whenStable();
    expect(saveState()).toMatch(/^Saved at/);
  });

  it('on a stale version shows the merge view and saves the choice on the current version, never overwriting', async () => {
    await render(sessionNote({ version: 3, sections: { goal: 'Housing' } }));
    await type('Response', 'Felt hopeful');
    await type('Location (optional)', 'Public library');
    await leave('Response');
    backend
      .expectOne({ method: 'PATCH', url: '/api/v1/notes/n-1' })
      .flush(
        { type: '/problems/conflict', title: 'Conflict', status: 409, detail: 'This session note was changed by someone else (now version 4); reload and try again.', currentVersion: 4 },
        { status: 409, statusText: 'Conflict', headers: { 'content-type': PROBLEM_CONTENT_TYPE } },
      );
    backend.expectOne({ method: 'GET', url: '/api/v1/notes/n-1' }).flush(sessionNote({ version: 4, location: 'Clinic', sections: { goal: 'Housing', response: 'Quiet today' } }));
    await fixture.whenStable();

    const dialog = document.querySelector('lib-note-merge-dialog');
    if (!dialog) throw new Error('the merge view did not open');
    const rows = [...dialog.querySelectorAll('fieldset')];
    expect(rows.map((row) => row.querySelector('legend')?.textContent?.trim())).toEqual(['Location', 'Response']);
    expect(rows[0].textContent).toContain('Public library');
    expect(rows[0].textContent).toContain('Clinic');
    // Keep my location, take their response.
    [...rows[1].querySelectorAll('mat-radio-button')].find((radio) => radio.textContent?.includes('Take theirs'))?.querySelector('input')?.click();
    await fixture.whenStable();
    button('Save merged note', dialog)?.click();
    await fixture.whenStable();

    const merged = backend.expectOne({ method: 'PATCH', url: '/api/v1/notes/n-1' });
    expect(merged.request.body).toEqual({ location: 'Public library', version: 4 });
    merged.flush(sessionNote({ version: 5, location: 'Public library', sections: { goal: 'Housing', response: 'Quiet today' } }));
    await fixture.whenStable();
    expect(field('Response').value).toBe('Quiet today');
    expect(saveState()).toMatch(/^Saved at/);
  });

  it('offers a newer copy kept on this device, and saves it when restored', async () => {
    const note = sessionNote({ version: 2, updatedAt: '2026-11-02T12:00:00.000Z', sections: { goal: 'Housing' } });
    writeLocalCopy(window.localStorage, {
      participantId: 'p-1',
      key: 'k-old',
      noteId: 'n-1',
      version: 2,
      writtenAt: '2026-11-02T12:05:00.000Z',
      fields: { ...fieldsFromNote(note), sections: { goal: 'Housing', intervention: 'Walked to the pantry together' } },
    });
    await render(note);
    expect(element.querySelector('.offer')?.textContent).toContain('This device kept changes to a note that were not saved yet.');
    button('Restore them', element)?.click();
    await fixture.whenStable();
    expect(field('Intervention').value).toBe('Walked to the pantry together');
    await leave('Intervention');
    const save = backend.expectOne({ method: 'PATCH', url: '/api/v1/notes/n-1' });
    expect(save.request.body).toEqual({ sections: { goal: 'Housing', intervention: 'Walked to the pantry together' }, version: 2 });
    save.flush(sessionNote({ version: 3 }));
    await fixture.whenStable();
    expect(localCopies(window.localStorage, 'p-1')).toEqual([]);
  });

  it('reads the note back in large text, saves “reviewed with the participant”, and signs after naming the signer', async () => {
    await render(sessionNote({ version: 2, sections: GIRP, goalIds: [activeGoal().id] }));
    button('Read back and sign', element)?.click();
    await fixture.whenStable();
    const readBack = document.querySelector('lib-read-back-dialog');
    if (!readBack) throw new Error('the read-back did not open');
    expect([...readBack.querySelectorAll('h3')].map((heading) => heading.textContent?.trim())).toEqual(['Goal', 'Intervention', 'Response', 'Plan', 'Linked goals', 'Safety']);
    expect(readBack.textContent).toContain('Felt hopeful');
    expect(readBack.textContent).toContain('Billing: 2 units (H0038)');
    expect(readBack.textContent).toContain('You sign as Jordan Avery · CPRS.');

    readBack.querySelector<HTMLInputElement>('mat-checkbox input')?.click();
    await fixture.whenStable();
    const review = backend.expectOne({ method: 'PATCH', url: '/api/v1/notes/n-1' });
    expect(review.request.body).toEqual({ reviewedWithParticipant: true, version: 2 });
    review.flush(sessionNote({ version: 3, sections: GIRP, reviewedWithParticipant: true }));
    await fixture.whenStable();

    button('Sign…', readBack)?.click();
    await fixture.whenStable();
    const confirm = document.querySelector('lib-confirm-dialog');
    expect(confirm?.querySelector('h2')?.textContent).toBe('Sign as Jordan Avery · CPRS?');
    button('Sign note', confirm ?? document)?.click();
    await fixture.whenStable();
    const sign = backend.expectOne({ method: 'POST', url: '/api/v1/notes/n-1/sign' });
    expect(sign.request.body).toEqual({ version: 3 });
    const done = sessionNote({ version: 4, status: 'signed', signedByName: 'Jordan Avery', signedByCredential: 'CPRS', signedAt: '2026-11-02T13:00:00.000Z' });
    sign.flush(done);
    await fixture.whenStable();
    expect(signed).toEqual([done]);
  });

  it('names the sections still to write and does not offer to sign', async () => {
    await render(sessionNote({ sections: { goal: 'Housing' } }));
    button('Read back and sign', element)?.click();
    await fixture.whenStable();
    const readBack = document.querySelector('lib-read-back-dialog');
    expect(readBack?.querySelector('[role="alert"]')?.textContent).toContain('Still to write before signing: Intervention, Response, Plan.');
    expect(button('Sign…', readBack ?? document)?.disabled).toBe(true);
  });

  it('shows the supervisor’s comment on a returned draft', async () => {
    await render(sessionNote({ returnComment: 'Say what the participant said about the lease.', returnedByName: 'Maria Delgado', returnedAt: '2026-11-03T10:00:00Z' }));
    const banner = element.querySelector('.returned');
    expect(banner?.textContent).toContain('Returned by Maria Delgado');
    expect(banner?.textContent).toContain('Say what the participant said about the lease.');
  });

  it('turns the risk check into a safety event of the participant, started from its detail and the contact’s day', async () => {
    // 9 pm on the 20th in Chicago is the 21st in UTC: the event's day is the contact's day where it happened.
    await render(sessionNote({ startedAt: '2026-11-21T03:00:00.000Z', endedAt: '2026-11-21T03:30:00.000Z', riskConcern: true, riskDetail: 'Used on Saturday; has naloxone now.' }));
    button('Record a safety event…', element)?.click();
    await fixture.whenStable();
    const dialog = document.querySelector('mat-dialog-container') as HTMLElement;
    expect(field('Description', dialog).value).toBe('Used on Saturday; has naloxone now.');
    expect(field('Date', dialog).value).toBe('2026-11-20');

    dialog.querySelector<HTMLElement>('mat-select .mat-mdc-select-trigger')?.click();
    await fixture.whenStable();
    [...document.querySelectorAll<HTMLElement>('mat-option')].find((option) => option.textContent?.trim() === 'Crisis')?.click();
    await fixture.whenStable();
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    const post = backend.expectOne({ method: 'POST', url: '/api/v1/participants/p-1/safety-events' });
    expect(post.request.body).toEqual({ kind: 'crisis', occurredOn: '2026-11-20', description: 'Used on Saturday; has naloxone now.' });
    post.flush({ id: 's-1', flagRaised: false, participant: { id: 'p-1' } });
    await fixture.whenStable();
    expect(element.querySelector('.safety-said')?.textContent).toBe('Safety event recorded on the participant’s record.'.replace('’', "'"));
  });
});

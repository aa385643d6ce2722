import { Location } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { DEFAULT_BILLING_RULE, type NoteSettings, NoteTopics, type Permission, ROLE_PERMISSIONS } from '@waypoint/shared-contracts';
import { SessionStore } from '@waypoint/web-auth';
import { activeGoal, sessionNote } from './note-fixtures';
import { NotePage } from './note-page';

const signedNote = sessionNote({
  status: 'signed',
  version: 4,
  sections: { goal: 'Housing', intervention: 'Called together', response: 'Hopeful', plan: 'Tour on Friday' },
  goalIds: [activeGoal().id],
  signedAt: '2026-11-21T20:05:00Z',
  signedByName: 'Jordan Avery',
  signedByCredential: 'CPRS',
  addenda: [{ id: 'a-1', authorId: 'u-1', authorName: 'Jordan Avery', reason: 'Wrong tour day', body: 'The tour is on Saturday.', createdAt: '2026-11-22T15:00:00Z' }],
});

describe('NotePage', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  beforeEach(async () => {
    window.localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        provideRouter(
          [
            { path: 'participants/:id/notes/new', component: NotePage },
            { path: 'participants/:id/notes/:noteId', component: NotePage },
          ],
          withComponentInputBinding(),
        ),
        {
          provide: SessionStore,
          useValue: {
            can: (permission: Permission) => ROLE_PERMISSIONS.specialist.includes(permission),
            user: signal({ id: 'u-1', displayName: 'Jordan Avery', credentials: 'CPRS', timeZone: 'America/Chicago' }),
          },
        },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => {
    TestBed.inject(MatDialog).closeAll();
    backend.verify();
  });

  const element = () => harness.routeNativeElement as HTMLElement;
  const settle = () => harness.fixture.whenStable();
  const GIRP_SETTINGS: NoteSettings = { defaultFormat: 'GIRP', topics: [...NoteTopics], timeZone: 'America/New_York', version: 1 };
  async function context(settings: NoteSettings = GIRP_SETTINGS) {
    backend.expectOne('/api/v1/notes/billing-rule').flush(DEFAULT_BILLING_RULE);
    backend.expectOne('/api/v1/notes/settings').flush(settings);
    backend.expectOne('/api/v1/participants/p-1/plan').flush({ goals: [activeGoal(), activeGoal({ id: 'g-old', status: 'achieved', statement: 'Old goal' })] });
    const recent = backend.expectOne((r) => r.url === '/api/v1/participants/p-1/notes');
    expect(recent.request.params.get('limit')).toBe('100');
    recent.flush({ items: [sessionNote({ id: 'n-0', location: 'Community center', status: 'signed' })], nextCursor: null });
    await settle();
  }

  it('opens a new note in the editor with the active goals, and puts the draft’s own address in the location bar once it exists', async () => {
    await harness.navigateByUrl('/participants/p-1/notes/new');
    expect(element().querySelector('mat-progress-spinner')).not.toBeNull();
    await context();
    expect(element().querySelector('h2')?.textContent?.trim()).toBe('New session note');
    expect(element().querySelector('a.back')?.getAttribute('href')).toBe('/participants/p-1/notes');
    expect(element().textContent).toContain('Get my own apartment');
    expect(element().textContent).not.toContain('Old goal');

    const plan = [...element().querySelectorAll('mat-form-field')].find((field) => field.querySelector('mat-label')?.textContent?.trim() === 'Plan')?.querySelector('textarea');
    if (!plan) throw new Error('no Plan field');
    plan.value = 'Tour on Friday';
    plan.dispatchEvent(new Event('input'));
    plan.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    await settle();
    const create = backend.expectOne({ method: 'POST', url: '/api/v1/participants/p-1/notes' });
    expect(create.request.body.location).toBe('Community center');
    create.flush(sessionNote({ id: 'n-7' }));
    await settle();
    expect(TestBed.inject(Location).path()).toBe('/participants/p-1/notes/n-7');
  });

  it('starts a new note in the program’s format, with the program’s topics', async () => {
    await harness.navigateByUrl('/participants/p-1/notes/new');
    await context({ ...GIRP_SETTINGS, defaultFormat: 'DAP', topics: ['housing', 'Reentry support'] });
    const labels = [...element().querySelectorAll('mat-form-field mat-label')].map((label) => label.textContent?.trim());
    expect(labels).toEqual(expect.arrayContaining(['Data', 'Assessment', 'Plan']));
    expect(labels).not.toContain('Intervention');
    const chips = [...element().querySelectorAll('mat-chip-option')].map((chip) => chip.textContent?.trim());
    expect(chips).toEqual(['Housing', 'Reentry support']);
  });

  it('opens a draft of one’s own in the editor', async () => {
    await harness.navigateByUrl('/participants/p-1/notes/n-1');
    backend.expectOne('/api/v1/notes/n-1').flush(sessionNote({ sections: { goal: 'Housing' } }));
    await context();
    expect(element().querySelector('h2')?.textContent?.trim()).toBe('Session note (draft)');
    expect(element().querySelector('lib-note-editor')).not.toBeNull();
  });

  it('shows someone else’s draft read-only', async () => {
    await harness.navigateByUrl('/participants/p-1/notes/n-1');
    backend.expectOne('/api/v1/notes/n-1').flush(sessionNote({ authorId: 'u-2', authorName: 'Sam Okafor' }));
    backend.expectOne('/api/v1/participants/p-1/plan').flush({ goals: [] });
    await settle();
    expect(element().querySelector('lib-note-editor')).toBeNull();
    expect(element().textContent).toContain('Written by Sam Okafor');
    expect(element().textContent).not.toContain('Add addendum');
  });

  it('shows a signed note locked, with its signature and addenda, and adds an addendum under it', async () => {
    await harness.navigateByUrl('/participants/p-1/notes/n-1');
    backend.expectOne('/api/v1/notes/n-1').flush(signedNote);
    backend.expectOne('/api/v1/participants/p-1/plan').flush({ goals: [activeGoal()] });
    await settle();
    const view = element().querySelector('lib-note-view');
    if (!view) throw new Error('no note view');
    expect(view.querySelector('lib-note-status-badge')?.textContent?.trim()).toBe('Signed');
    expect(view.querySelector('.signature')?.textContent).toContain('Signed by Jordan Avery · CPRS · Nov 21, 2026, 2:05 PM');
    expect(view.textContent).toContain('Get my own apartment with a lease in my name');
    expect(view.querySelector('.addendum')?.textContent).toContain('Wrong tour day');
    expect(view.querySelector('.addendum')?.textContent).toContain('The tour is on Saturday.');
    expect(view.querySelector('textarea, input')).toBeNull();

    [...view.querySelectorAll('button')].find((button) => button.textContent?.includes('Add addendum'))?.click();
    await settle();
    const dialog = document.querySelector('lib-addendum-dialog');
    if (!dialog) throw new Error('the addendum dialog did not open');
    const [reason, body] = [...dialog.querySelectorAll<HTMLInputElement>('input, textarea')];
    reason.value = 'Follow-up date';
    reason.dispatchEvent(new Event('input'));
    body.value = 'Next contact is Monday.';
    body.dispatchEvent(new Event('input'));
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await settle();
    const add = backend.expectOne({ method: 'POST', url: '/api/v1/notes/n-1/addenda' });
    expect(add.request.body).toEqual({ reason: 'Follow-up date', body: 'Next contact is Monday.' });
    add.flush({
      ...signedNote,
      addenda: [...(signedNote.addenda ?? []), { id: 'a-2', authorId: 'u-1', authorName: 'Jordan Avery', reason: 'Follow-up date', body: 'Next contact is Monday.', createdAt: '2026-11-23T15:00:00Z' }],
    });
    await settle();
    expect(element().querySelectorAll('.addendum')).toHaveLength(2);
    expect(element().querySelector('[role="status"].shown')?.textContent).toBe('Addendum added.');
  });

  it('signs a submitted note of one’s own after a confirmation, and shows it locked', async () => {
    await harness.navigateByUrl('/participants/p-1/notes/n-1');
    backend.expectOne('/api/v1/notes/n-1').flush({ ...signedNote, status: 'submitted', signedAt: null, signedByName: null, signedByCredential: null, addenda: [] });
    backend.expectOne('/api/v1/participants/p-1/plan').flush({ goals: [] });
    await settle();
    expect(element().textContent).not.toContain('Add addendum');
    [...element().querySelectorAll('button')].find((button) => button.textContent?.includes('Sign'))?.click();
    await settle();
    [...document.querySelectorAll('lib-confirm-dialog button')].find((button) => button.textContent?.trim() === 'Sign note')?.dispatchEvent(new MouseEvent('click'));
    await settle();
    const sign = backend.expectOne({ method: 'POST', url: '/api/v1/notes/n-1/sign' });
    expect(sign.request.body).toEqual({ version: 4 });
    sign.flush({ ...signedNote, version: 5, addenda: [] });
    await settle();
    expect(element().querySelector('lib-note-status-badge')?.textContent?.trim()).toBe('Signed');
    expect(element().querySelector('.signature')?.textContent).toContain('Signed by Jordan Avery · CPRS');
    expect(element().textContent).toContain('Add addendum');
  });

  it('says when the note cannot be found', async () => {
    await harness.navigateByUrl('/participants/p-1/notes/n-404');
    backend.expectOne('/api/v1/notes/n-404').flush(null, { status: 404, statusText: 'Not Found' });
    await settle();
    expect(element().textContent).toContain('This note could not be found');
  });
});

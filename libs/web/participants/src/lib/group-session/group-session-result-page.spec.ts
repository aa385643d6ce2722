import { Location } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { type Permission, PROBLEM_CONTENT_TYPE, ROLE_PERMISSIONS } from '@waypoint/shared-contracts';
import { SessionStore } from '@waypoint/web-auth';
import type { GroupSession, GroupSessionNote, SessionNote } from '@waypoint/web-participant-data';
import { sessionNote } from '../notes/note-fixtures';
import { GroupSessionResultPage } from './group-session-result-page';

const SESSION_URL = '/api/v1/group-sessions/g-1';

function groupSession(): GroupSession {
  return {
    id: 'g-1',
    topic: 'Coping with cravings at holidays',
    startedAt: '2026-11-21T14:00:00.000Z',
    endedAt: '2026-11-21T15:00:00.000Z',
    facilitatorId: 'u-1',
    facilitatorName: 'Jordan Avery',
    notes: [
      groupNote({ id: 'n-2', participantId: 'p-2', sections: { response: 'Talked about calling her sister.' } }, 'Dani Ortiz'),
      groupNote({ id: 'n-1', participantId: 'p-1', status: 'signed', signedAt: '2026-11-21T15:10:00.000Z' }, 'Terrence Walker'),
      // A teammate's attendee, whose note the teammate wrote.
      groupNote({ id: 'n-3', participantId: 'p-9', authorId: 'u-2', authorName: 'Sam Okafor' }, 'Lee Park'),
    ],
  };
}

describe('GroupSessionResultPage', () => {
  let fixture: ComponentFixture<GroupSessionResultPage>;
  let backend: HttpTestingController;
  let element: HTMLElement;

  async function render(state: object | null = null) {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        {
          provide: SessionStore,
          useValue: {
            can: (permission: Permission) => ROLE_PERMISSIONS.specialist.includes(permission),
            user: signal({ id: 'u-1', displayName: 'Jordan Avery', role: 'specialist', timeZone: 'America/Chicago' }),
          },
        },
      ],
    });
    jest.spyOn(TestBed.inject(Location), 'getState').mockReturnValue(state);
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(GroupSessionResultPage);
    fixture.componentRef.setInput('id', 'g-1');
    element = fixture.nativeElement;
    await fixture.whenStable();
  }

  afterEach(() => backend.verify());

  const items = () => [...element.querySelectorAll<HTMLAnchorElement>('li.note a')];

  it('shows the session and each attendee’s note, linked to where it is read back and signed', async () => {
    await render();
    expect(element.querySelector('mat-progress-spinner')).not.toBeNull();
    backend.expectOne(SESSION_URL).flush(groupSession());
    await fixture.whenStable();

    expect(element.querySelector('h1')?.textContent?.trim()).toBe('Coping with cravings at holidays');
    const facts = element.querySelector('.facts')?.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(facts).toContain('Nov 21, 2026, 8:00 AM CST · 60 min');
    expect(facts).toContain('Jordan Avery');

    const [dani, terrence, moved] = items();
    expect(dani.getAttribute('href')).toBe('/participants/p-2/notes/n-2');
    expect(dani.textContent).toContain('Dani Ortiz');
    expect(dani.textContent).toContain('Draft');
    expect(dani.textContent?.replace(/\s+/g, ' ')).toContain('Group · In person · 60 min · 4 units (H0038 HQ)');
    expect(dani.textContent).toContain('Talked about calling her sister.');
    expect(dani.textContent).toContain('Read back and sign');
    expect(terrence.textContent).toContain('Signed');
    expect(terrence.textContent).toContain('Open note');
    expect(moved.textContent).toContain('Lee Park');
    // Someone else's draft is theirs to sign.
    expect(moved.textContent).toContain('Open note');
  });

  it('says the session was saved right after the form, until one of its notes moves on', async () => {
    await render({ savedNotes: 2 });
    const drafts = groupSession();
    drafts.notes = drafts.notes.slice(0, 1).concat(groupNote({ id: 'n-1', participantId: 'p-1' }, 'Terrence Walker'));
    backend.expectOne(SESSION_URL).flush(drafts);
    await fixture.whenStable();
    expect(element.querySelector('[role="status"]')?.textContent).toContain('2 draft notes were written, one for each attendee.');

    // Coming back to it after signing one (the navigation's state is still there): no longer news.
    fixture.destroy();
    TestBed.resetTestingModule();
    await render({ savedNotes: 2 });
    backend.expectOne(SESSION_URL).flush(groupSession());
    await fixture.whenStable();
    expect(element.textContent).not.toContain('Group session saved.');
    expect(items()).toHaveLength(3);
  });

  it('explains a session that cannot be found (404)', async () => {
    await render();
    backend
      .expectOne(SESSION_URL)
      .flush(
        { type: 'about:blank', title: 'Not Found', status: 404 },
        { status: 404, statusText: 'Not Found', headers: { 'content-type': PROBLEM_CONTENT_TYPE } },
      );
    await fixture.whenStable();
    expect(element.textContent).toContain('This group session could not be found');
    expect(items()).toHaveLength(0);
  });

  it('offers to try again after a failure', async () => {
    await render();
    backend.expectOne(SESSION_URL).flush(null, { status: 503, statusText: 'Unavailable' });
    await fixture.whenStable();
    expect(element.textContent).toContain('The group session could not be loaded');
    [...element.querySelectorAll('button')].find((button) => button.textContent?.includes('Try again'))?.click();
    await fixture.whenStable();
    backend.expectOne(SESSION_URL).flush(groupSession());
    await fixture.whenStable();
    expect(items()).toHaveLength(3);
  });
});

/** An attendee's note of group session g-1, as the API lists it. */
function groupNote(overrides: Partial<SessionNote>, participantName: string): GroupSessionNote {
  return { ...sessionNote({ contactType: 'group', durationMinutes: 60, units: 4, modifiers: ['HQ'], groupSessionId: 'g-1', ...overrides }), participantName };
}

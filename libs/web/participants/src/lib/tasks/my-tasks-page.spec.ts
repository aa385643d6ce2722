import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import type { Permission } from '@waypoint/shared-contracts';
import { SessionStore } from '@waypoint/web-auth';
import type { FollowUpTask, MyNotes, SessionNote } from '@waypoint/web-participant-data';
import { MyTasksPage } from './my-tasks-page';

const task = (overrides: Partial<FollowUpTask>): FollowUpTask => ({
  id: 't-1',
  participantId: 'p-1',
  participantName: 'Marcus Bell',
  ownerId: 'u-1',
  ownerName: 'Jordan Avery',
  title: 'Call about MOUD intake',
  dueOn: '2026-11-18',
  doneAt: null,
  overdue: true,
  version: 1,
  ...overrides,
});

const note = (overrides: Partial<SessionNote & { participantName: string; overdue: boolean }>) =>
  ({
    id: 'n-1',
    participantId: 'p-1',
    participantName: 'Marcus Bell',
    authorId: 'u-1',
    authorName: 'Jordan Avery',
    startedAt: '2026-11-18T15:00:00Z',
    status: 'draft',
    returnedAt: null,
    returnedByName: null,
    returnComment: null,
    createdAt: '2026-11-18T16:00:00Z',
    version: 3,
    ...overrides,
  }) as SessionNote & { participantName: string; overdue: boolean };

const NOTHING_TO_FINISH: MyNotes = { returned: [], drafts: [], draftOverdueDays: 3 };

describe('MyTasksPage', () => {
  let fixture: ComponentFixture<MyTasksPage>;
  let backend: HttpTestingController;
  let element: HTMLElement;

  async function render(permissions: readonly Permission[] = ['participants:read', 'participants:write']) {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: SessionStore, useValue: { can: (permission: Permission) => permissions.includes(permission), user: () => ({ timeZone: 'America/Chicago' }) } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(MyTasksPage);
    element = fixture.nativeElement;
    await fixture.whenStable();
  }

  beforeEach(() => render());

  afterEach(() => backend.verify());

  const respond = async (items: FollowUpTask[]) => {
    backend.match('/api/v1/notes/mine').forEach((request) => request.flush(NOTHING_TO_FINISH));
    backend.expectOne((r) => r.url === '/api/v1/tasks').flush({ items, nextCursor: null });
    await fixture.whenStable();
  };
  const headings = () => [...element.querySelectorAll('h2')].map((heading) => heading.textContent?.trim());

  it('lists open tasks, marking the overdue ones in words', async () => {
    await respond([task({}), task({ id: 't-2', title: 'Drop off bus pass', dueOn: '2026-12-01', overdue: false })]);
    const rows = [...element.querySelectorAll('li.task')];
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain('Overdue');
    expect(rows[1].textContent).not.toContain('Overdue');
    expect(rows[0].querySelector('a')?.getAttribute('href')).toBe('/participants/p-1');
  });

  it('completes a task with its version and takes it off the open list', async () => {
    await respond([task({})]);
    element.querySelector<HTMLInputElement>('li.task input[type="checkbox"]')?.click();
    const request = backend.expectOne('/api/v1/tasks/t-1');
    expect(request.request.body).toEqual({ done: true, version: 1 });
    request.flush(task({ doneAt: '2026-11-21T10:00:00Z', version: 2 }));
    await fixture.whenStable();
    expect(element.querySelectorAll('li.task')).toHaveLength(0);
    expect(element.querySelector('[role="status"]')?.textContent).toContain('Marked “Call about MOUD intake” done.');
  });

  it('reloads and says so when the task changed elsewhere (409)', async () => {
    await respond([task({})]);
    element.querySelector<HTMLInputElement>('li.task input[type="checkbox"]')?.click();
    backend.expectOne('/api/v1/tasks/t-1').flush({ status: 409 }, { status: 409, statusText: 'Conflict' });
    await respond([task({ version: 3 })]);
    expect(element.querySelector('[role="status"]')?.textContent).toContain('changed elsewhere');
  });

  it('says when nothing is open', async () => {
    await respond([]);
    expect(element.textContent).toContain('You are all caught up');
  });

  describe('notes to finish', () => {
    const flushNotes = async (notes: MyNotes) => {
      backend.expectOne('/api/v1/notes/mine').flush(notes);
      await respond([task({})]);
    };

    it('puts returned notes, then overdue drafts, above the tasks, each linking to its editor', async () => {
      await flushNotes({
        returned: [
          note({ returnedAt: '2026-11-20T17:30:00Z', returnedByName: 'Maria Delgado', returnComment: 'Say how the plan follows from his response.', version: 4 }),
        ],
        drafts: [
          note({ id: 'n-2', participantId: 'p-2', participantName: 'Ashley Nguyen', overdue: true }),
          note({ id: 'n-3', participantId: 'p-3', participantName: 'Terrence Walker', overdue: false }),
        ],
        draftOverdueDays: 3,
      });
      expect(headings()).toEqual(['Returned notes', 'Overdue documentation', 'Follow-ups']);

      const returned = element.querySelector('ul[aria-labelledby="returned-notes-heading"]');
      expect(returned?.querySelectorAll('li')).toHaveLength(1);
      expect(returned?.querySelector('blockquote')?.textContent).toBe('Say how the plan follows from his response.');
      expect(returned?.textContent).toContain('Marcus Bell');
      expect(returned?.textContent).toContain('Returned by Maria Delgado · Nov 20, 2026, 11:30 AM');
      const fix = returned?.querySelector('a');
      expect(fix?.getAttribute('href')).toBe('/participants/p-1/notes/n-1');
      expect(fix?.getAttribute('aria-label')).toBe('Fix the note: Marcus Bell');

      // Only the drafts past the program's limit are overdue documentation.
      const overdue = [...element.querySelectorAll('ul[aria-labelledby="overdue-notes-heading"] li')];
      expect(overdue).toHaveLength(1);
      expect(overdue[0].textContent).toContain('Ashley Nguyen');
      expect(overdue[0].querySelector('a')?.getAttribute('href')).toBe('/participants/p-2/notes/n-2');
      expect(element.textContent).toContain('Drafts started more than 3 days ago.');
      expect(element.textContent).not.toContain('Terrence Walker');

      expect(element.querySelectorAll('li.task')).toHaveLength(1);
    });

    it('shows neither section when nothing is returned or overdue', async () => {
      await flushNotes({ returned: [], drafts: [note({ overdue: false })], draftOverdueDays: 3 });
      expect(headings()).toEqual([]);
      expect(element.textContent).not.toContain('Returned notes');
      expect(element.textContent).not.toContain('Overdue documentation');
      expect(element.querySelectorAll('li.task')).toHaveLength(1);
    });

    it('keeps the tasks when the notes cannot be loaded, and offers to try again', async () => {
      backend.expectOne('/api/v1/notes/mine').flush(null, { status: 503, statusText: 'Unavailable' });
      backend.expectOne((r) => r.url === '/api/v1/tasks').flush({ items: [task({})], nextCursor: null });
      await fixture.whenStable();
      expect(element.querySelectorAll('li.task')).toHaveLength(1);
      expect(element.textContent).toContain('Your returned notes and drafts could not be loaded.');

      [...element.querySelectorAll('button')].find((button) => button.textContent?.includes('Try again'))?.click();
      backend.expectOne('/api/v1/notes/mine').flush({ ...NOTHING_TO_FINISH, returned: [note({ returnedAt: '2026-11-20T17:30:00Z', returnedByName: 'Maria Delgado', returnComment: 'Add the plan.' })] });
      await fixture.whenStable();
      expect(element.textContent).not.toContain('could not be loaded');
      expect(headings()).toEqual(['Returned notes', 'Follow-ups']);
    });
  });

  it('does not ask for the notes of someone who writes none', async () => {
    await respond([]);
    TestBed.resetTestingModule();
    await render(['participants:read']);
    backend.expectNone('/api/v1/notes/mine');
    await respond([]);
    expect(element.textContent).toContain('You are all caught up');
  });
});

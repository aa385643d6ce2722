import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { type Permission, ROLE_PERMISSIONS } from '@waypoint/shared-contracts';
import { SessionStore } from '@waypoint/web-auth';
import type { FollowUpTask } from '@waypoint/web-participant-data';
import { todayIn } from '../status/calendar-date';
import { ParticipantTasksTab } from './participant-tasks-tab';

const URL = '/api/v1/participants/p-1/tasks';
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

describe('ParticipantTasksTab', () => {
  let fixture: ComponentFixture<ParticipantTasksTab>;
  let backend: HttpTestingController;
  let element: HTMLElement;

  async function render(permissions: readonly Permission[] = ROLE_PERMISSIONS.specialist) {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: SessionStore, useValue: { can: (permission: Permission) => permissions.includes(permission), user: signal({ timeZone: 'America/Chicago' }) } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ParticipantTasksTab);
    fixture.componentRef.setInput('id', 'p-1');
    element = fixture.nativeElement;
    await fixture.whenStable();
  }

  afterEach(() => {
    TestBed.inject(MatDialog).closeAll();
    backend.verify();
  });

  const respond = async (items: FollowUpTask[], status = 'open', nextCursor: string | null = null) => {
    const request = backend.expectOne((r) => r.url === URL);
    expect(request.request.params.get('status')).toBe(status);
    request.flush({ items, nextCursor });
    await fixture.whenStable();
  };
  const button = (label: string) => [...element.querySelectorAll('button')].find((candidate) => candidate.textContent?.trim().includes(label));
  const status = () => element.querySelector('[role="status"]')?.textContent;

  it('lists the open tasks, marking the overdue ones in words, with who owes them', async () => {
    await render();
    expect(element.querySelector('mat-progress-spinner')).not.toBeNull();
    await respond([task({}), task({ id: 't-2', title: 'Drop off bus pass', dueOn: '2026-12-01', overdue: false, ownerName: 'Sam Okafor' })]);
    const rows = [...element.querySelectorAll('li.task')];
    expect(rows).toHaveLength(2);
    expect(rows[0].classList).toContain('overdue');
    expect(rows[0].textContent).toContain('Overdue: due Nov 18, 2026');
    expect(rows[1].textContent).not.toContain('Overdue');
    expect(rows[1].textContent).toContain('Assigned to Sam Okafor');
    expect(rows[0].querySelector('input[type="checkbox"]')?.getAttribute('aria-label')).toBe('Call about MOUD intake');
  });

  it('shows done or all tasks on request, and pages with the cursor', async () => {
    await render();
    await respond([task({})], 'open', 'c-2');
    button('Load more')?.click();
    await fixture.whenStable();
    const next = backend.expectOne((r) => r.url === URL && r.params.get('cursor') === 'c-2');
    next.flush({ items: [task({ id: 't-2' })], nextCursor: null });
    await fixture.whenStable();
    expect(element.querySelectorAll('li.task')).toHaveLength(2);

    [...element.querySelectorAll<HTMLButtonElement>('mat-button-toggle button')].find((toggle) => toggle.textContent?.trim() === 'Done')?.click();
    await fixture.whenStable();
    await respond([], 'done');
    expect(element.textContent).toContain('No tasks here');
  });

  it('completes a task with its version and takes it off the open list', async () => {
    await render();
    await respond([task({})]);
    element.querySelector<HTMLInputElement>('li.task input[type="checkbox"]')?.click();
    const request = backend.expectOne({ method: 'PATCH', url: '/api/v1/tasks/t-1' });
    expect(request.request.body).toEqual({ done: true, version: 1 });
    request.flush(task({ doneAt: '2026-11-21T10:00:00Z', version: 2 }));
    await fixture.whenStable();
    expect(element.querySelectorAll('li.task')).toHaveLength(0);
    expect(status()).toContain('Marked “Call about MOUD intake” done.');
  });

  it('opens a done task again in the list of all tasks, and reloads when it changed elsewhere (409)', async () => {
    await render();
    await respond([]);
    [...element.querySelectorAll<HTMLButtonElement>('mat-button-toggle button')].find((toggle) => toggle.textContent?.trim() === 'All')?.click();
    await fixture.whenStable();
    await respond([task({ doneAt: '2026-11-21T10:00:00Z', overdue: false })], 'all');
    element.querySelector<HTMLInputElement>('li.task input[type="checkbox"]')?.click();
    const reopen = backend.expectOne('/api/v1/tasks/t-1');
    expect(reopen.request.body).toEqual({ done: false, version: 1 });
    reopen.flush(task({ version: 2 }));
    await fixture.whenStable();
    expect(element.querySelectorAll('li.task')).toHaveLength(1);
    expect(status()).toContain('is open again');

    element.querySelector<HTMLInputElement>('li.task input[type="checkbox"]')?.click();
    backend.expectOne('/api/v1/tasks/t-1').flush({}, { status: 409, statusText: 'Conflict' });
    await respond([task({ version: 5 })], 'all');
    expect(status()).toContain('changed elsewhere');
  });

  it('adds a task in a dialog and reads the list again', async () => {
    await render();
    await respond([]);
    expect(element.textContent).toContain('No open tasks');
    button('Add task')?.click();
    await fixture.whenStable();
    const dialog = document.querySelector('lib-add-task-dialog');
    if (!dialog) throw new Error('the dialog did not open');
    const title = dialog.querySelector<HTMLInputElement>('input[formcontrolname="title"]');
    if (!title) throw new Error('no title');
    title.value = 'Call the clinic';
    title.dispatchEvent(new Event('input'));
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();
    const create = backend.expectOne({ method: 'POST', url: URL });
    expect(create.request.body).toEqual({ title: 'Call the clinic', dueOn: todayIn('America/Chicago') });
    create.flush(task({ id: 't-9', title: 'Call the clinic', overdue: false }));
    await fixture.whenStable();
    await respond([task({ id: 't-9', title: 'Call the clinic', overdue: false })]);
    expect(element.querySelectorAll('li.task')).toHaveLength(1);
    expect(status()).toBe('Task added: “Call the clinic”.');
  });

  it('lets someone who may only read see the tasks but not change them', async () => {
    await render(['participants:read']);
    await respond([task({})]);
    expect(button('Add task')).toBeUndefined();
    expect(element.querySelector<HTMLInputElement>('li.task input[type="checkbox"]')?.disabled).toBe(true);
  });

  it('explains a failure and tries again', async () => {
    await render();
    backend.expectOne((r) => r.url === URL).flush(null, { status: 503, statusText: 'Unavailable' });
    await fixture.whenStable();
    expect(element.textContent).toContain('The tasks could not be loaded');
    button('Try again')?.click();
    await fixture.whenStable();
    await respond([task({})]);
    expect(element.querySelectorAll('li.task')).toHaveLength(1);
  });
});

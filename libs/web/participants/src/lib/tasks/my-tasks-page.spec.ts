import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import type { FollowUpTask } from '@waypoint/web-participant-data';
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

describe('MyTasksPage', () => {
  let fixture: ComponentFixture<MyTasksPage>;
  let backend: HttpTestingController;
  let element: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(MyTasksPage);
    element = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  const respond = async (items: FollowUpTask[]) => {
    backend.expectOne((r) => r.url === '/api/v1/tasks').flush({ items, nextCursor: null });
    await fixture.whenStable();
  };

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
});

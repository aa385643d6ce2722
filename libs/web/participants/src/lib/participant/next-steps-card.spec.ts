import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { FollowUpTask } from '@waypoint/web-participant-data';
import { NextStepsCard } from './next-steps-card';

const task = (overrides: Partial<FollowUpTask>): FollowUpTask => ({
  id: 't-1',
  participantId: 'p-1',
  participantName: 'Marcus Bell',
  ownerId: 'u-1',
  ownerName: 'Jordan Avery',
  title: 'Call about MOUD intake',
  dueOn: '2026-11-18',
  doneAt: null,
  overdue: false,
  version: 1,
  ...overrides,
});

describe('NextStepsCard', () => {
  let fixture: ComponentFixture<NextStepsCard>;
  let backend: HttpTestingController;
  let element: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(NextStepsCard);
    fixture.componentRef.setInput('participantId', 'p-1');
    element = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  const tasksRequest = () => backend.expectOne((r) => r.url === '/api/v1/participants/p-1/tasks');
  const planRequest = () => backend.expectOne('/api/v1/participants/p-1/plan');

  it('asks for the first five open tasks and the plan, and lists the soonest first', async () => {
    expect(element.querySelector('mat-progress-spinner')).not.toBeNull();
    const tasks = tasksRequest();
    expect(tasks.request.params.get('status')).toBe('open');
    expect(tasks.request.params.get('limit')).toBe('5');
    tasks.flush({
      items: [
        task({ id: 't-2', title: 'Drop off bus pass', dueOn: '2026-12-01' }),
        task({ id: 't-1', title: 'Call about MOUD intake', dueOn: '2026-11-18', overdue: true }),
        task({ id: 't-3', title: 'Already done', doneAt: '2026-11-01T10:00:00Z' }),
      ],
      nextCursor: null,
    });
    planRequest().flush({ goals: [{ id: 'g-1', status: 'active' }, { id: 'g-2', status: 'active' }, { id: 'g-3', status: 'achieved' }] });
    await fixture.whenStable();

    const rows = [...element.querySelectorAll('li')];
    expect(rows.map((row) => row.querySelector('.title')?.textContent)).toEqual(['Call about MOUD intake', 'Drop off bus pass']);
    expect(rows[0].classList).toContain('overdue');
    expect(rows[0].textContent).toContain('Overdue');
    expect(rows[1].textContent).not.toContain('Overdue');
    expect(element.querySelector('.goals')?.textContent).toContain('2 active goals');
    const links = [...element.querySelectorAll('a')].map((link) => [link.textContent?.trim(), link.getAttribute('href')]);
    expect(links).toEqual([
      ['Open the plan', '/participants/p-1/plan'],
      ['All tasks', '/participants/p-1/tasks'],
    ]);
  });

  it('says when nothing is open and no goal is active', async () => {
    tasksRequest().flush({ items: [], nextCursor: null });
    planRequest().flush({ goals: [] });
    await fixture.whenStable();
    expect(element.textContent).toContain('No open tasks.');
    expect(element.textContent).toContain('No active goals');
  });

  it('shows the goals when the tasks fail, and tries again', async () => {
    tasksRequest().flush(null, { status: 503, statusText: 'Unavailable' });
    planRequest().flush({ goals: [{ id: 'g-1', status: 'active' }] });
    await fixture.whenStable();
    expect(element.querySelector('[role="alert"]')?.textContent).toBe('Tasks could not be loaded.');
    expect(element.textContent).toContain('1 active goal');

    [...element.querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Try again')?.click();
    await fixture.whenStable();
    tasksRequest().flush({ items: [task({})], nextCursor: null });
    planRequest().flush({ goals: [] });
    await fixture.whenStable();
    expect(element.querySelectorAll('li')).toHaveLength(1);
  });
});

import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import type { FollowUpTask } from '@waypoint/web-participant-data';
import { TaskList, type TaskToggle } from './task-list';

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

const TASKS = [task({}), task({ id: 't-2', title: 'Drop off bus pass', dueOn: '2026-12-01', overdue: false, doneAt: '2026-11-21T10:00:00Z', ownerName: 'Sam Okafor' })];

describe('TaskList', () => {
  let fixture: ComponentFixture<TaskList>;
  let element: HTMLElement;
  let toggles: TaskToggle[];

  async function render(inputs: Record<string, unknown> = {}) {
    TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }] });
    fixture = TestBed.createComponent(TaskList);
    fixture.componentRef.setInput('tasks', TASKS);
    for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
    toggles = [];
    fixture.componentInstance.toggled.subscribe((toggle) => toggles.push(toggle));
    element = fixture.nativeElement;
    await fixture.whenStable();
  }

  const rows = () => [...element.querySelectorAll('li.task')];
  const checkboxes = () => [...element.querySelectorAll<HTMLInputElement>('li.task input[type="checkbox"]')];

  it('lists the tasks under one labelled list, marking the overdue in words and the done as done', async () => {
    await render();
    expect(element.querySelector('ul.tasks')?.getAttribute('aria-label')).toBe('Tasks');
    expect(rows()).toHaveLength(2);
    expect(rows()[0].classList).toContain('overdue');
    expect(rows()[0].textContent).toContain('Overdue: due Nov 18, 2026');
    expect(rows()[1].classList).not.toContain('overdue');
    expect(rows()[1].classList).toContain('done');
    expect(rows()[1].textContent).toContain('Due Dec 1, 2026');
    expect(checkboxes().map((box) => [box.getAttribute('aria-label'), box.checked])).toEqual([
      ['Call about MOUD intake', false],
      ['Drop off bus pass', true],
    ]);
  });

  it('shows neither the participant nor the owner unless asked', async () => {
    await render();
    expect(element.querySelector('a')).toBeNull();
    expect(element.textContent).not.toContain('Marcus Bell');
    expect(element.textContent).not.toContain('Assigned to');
  });

  it('links each task to its participant and says who owes it, on request', async () => {
    await render({ showParticipant: true, showOwner: true });
    expect(rows()[0].querySelector('a.who')?.getAttribute('href')).toBe('/participants/p-1');
    expect(rows()[0].textContent).toContain('Marcus Bell');
    expect(rows()[1].textContent).toContain('Assigned to Sam Okafor');
  });

  it('writes the due date with the weekday and no year when asked', async () => {
    await render({ dateStyle: 'weekday' });
    expect(rows()[0].textContent).toContain('Nov 18');
    expect(rows()[0].textContent).not.toContain('2026');
  });

  it('emits the task and whether it is now done when its box is ticked or unticked', async () => {
    await render();
    checkboxes()[0].click();
    checkboxes()[1].click();
    expect(toggles).toEqual([
      { task: TASKS[0], done: true },
      { task: TASKS[1], done: false },
    ]);
  });

  it('holds the box of a task being saved, and every box when read-only', async () => {
    await render({ saving: new Set(['t-2']) });
    expect(checkboxes().map((box) => box.disabled)).toEqual([false, true]);
    fixture.componentRef.setInput('readonly', true);
    await fixture.whenStable();
    expect(checkboxes().map((box) => box.disabled)).toEqual([true, true]);
  });
});

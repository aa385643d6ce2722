import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { PROBLEM_CONTENT_TYPE } from '@waypoint/shared-contracts';
import { todayIn } from '../status/calendar-date';
import { AddTaskDialog } from './add-task-dialog';

const URL = '/api/v1/participants/p-1/tasks';

describe('AddTaskDialog', () => {
  let fixture: ComponentFixture<AddTaskDialog>;
  let backend: HttpTestingController;
  let element: HTMLElement;
  let close: jest.Mock;

  beforeEach(async () => {
    close = jest.fn();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: MAT_DIALOG_DATA, useValue: { participantId: 'p-1', timeZone: 'America/Chicago' } },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AddTaskDialog);
    element = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  async function type(selector: string, value: string) {
    const input = element.querySelector<HTMLInputElement>(selector);
    if (!input) throw new Error(`no ${selector}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }
  const submit = async () => {
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();
  };

  it('requires what to do, is due today by default and refuses a past date', async () => {
    const today = todayIn('America/Chicago');
    const due = element.querySelector<HTMLInputElement>('input[type="date"]');
    expect(due?.value).toBe(today);
    expect(due?.min).toBe(today);
    await type('input[formcontrolname="title"]', '   ');
    await type('input[type="date"]', '2020-01-01');
    await submit();
    expect(element.textContent).toContain('Say what to do.');
    expect(element.textContent).toContain('The due date cannot be in the past.');
    backend.expectNone(URL);
  });

  it('sends the task trimmed and closes with what the API saved', async () => {
    await type('input[formcontrolname="title"]', '  Call the clinic ');
    await type('input[type="date"]', '2099-12-01');
    await submit();
    const request = backend.expectOne({ method: 'POST', url: URL });
    expect(request.request.body).toEqual({ title: 'Call the clinic', dueOn: '2099-12-01' });
    request.flush({ id: 't-1', title: 'Call the clinic' });
    expect(close).toHaveBeenCalledWith({ saved: { id: 't-1', title: 'Call the clinic' } });
  });

  it('shows a refusal in place', async () => {
    await type('input[formcontrolname="title"]', 'Call the clinic');
    await submit();
    backend.expectOne(URL).flush(
      { type: '/problems/not-found', title: 'Not found', status: 404, detail: 'No such participant.' },
      { status: 404, statusText: 'Not Found', headers: { 'content-type': PROBLEM_CONTENT_TYPE } },
    );
    await fixture.whenStable();
    expect(close).not.toHaveBeenCalled();
    expect(element.querySelector('[role="alert"]')?.textContent).toBe('No such participant.');
  });
});

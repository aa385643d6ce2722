import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type Type } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { PROBLEM_CONTENT_TYPE } from '@waypoint/shared-contracts';
import { todayIn } from '../status/calendar-date';
import { GoalDialog } from './goal-dialog';
import { GoalStatusDialog } from './goal-status-dialog';
import type { PlanDialogData } from './plan-dialogs';
import { testGoal } from './plan-test-data';
import { ProgressDialog } from './progress-dialog';
import { StepDialog } from './step-dialog';

describe('recovery plan dialogs', () => {
  let fixture: ComponentFixture<unknown>;
  let backend: HttpTestingController;
  let element: HTMLElement;
  let close: jest.Mock;

  async function render<T>(component: Type<T>, data: Omit<PlanDialogData, 'participantId'>) {
    close = jest.fn();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: MAT_DIALOG_DATA, useValue: { participantId: 'p-1', timeZone: 'America/Chicago', ...data } },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(component);
    element = fixture.nativeElement;
    await fixture.whenStable();
  }

  afterEach(() => backend.verify());

  async function type(selector: string, value: string) {
    const field = element.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
    if (!field) throw new Error(`no ${selector}`);
    field.value = value;
    field.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }
  const submit = async () => {
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();
  };
  const choose = async (label: string) => {
    [...element.querySelectorAll('mat-radio-button')].find((radio) => radio.textContent?.trim() === label)?.querySelector('input')?.click();
    await fixture.whenStable();
  };
  const errors = () => [...element.querySelectorAll('mat-error, .error')].map((error) => error.textContent?.trim()).filter(Boolean);

  describe('GoalDialog', () => {
    it('requires the statement, and sends the goal with its non-empty steps', async () => {
      await render(GoalDialog, { dimension: 'home' });
      await submit();
      expect(errors()).toContain("Write the goal in the participant's words.");
      backend.expectNone('/api/v1/participants/p-1/goals');

      await type('textarea', '   ');
      await submit();
      expect(errors()).toContain("Write the goal in the participant's words.");

      await type('textarea', ' I want my own place by spring ');
      await type('#goal-step-0', 'Call the housing office');
      element.querySelector<HTMLButtonElement>('#goal-add-step')?.click();
      await fixture.whenStable();
      await type('#goal-step-2', 'Visit two apartments');
      await type('input[type="date"]', '2027-03-01');
      await submit();
      const request = backend.expectOne({ method: 'POST', url: '/api/v1/participants/p-1/goals' });
      expect(request.request.body).toEqual({
        dimension: 'home',
        statement: 'I want my own place by spring',
        targetDate: '2027-03-01',
        steps: ['Call the housing office', 'Visit two apartments'],
      });
      const saved = testGoal();
      request.flush(saved, { status: 201, statusText: 'Created' });
      expect(close).toHaveBeenCalledWith({ saved });
    });

    it('requires a dimension when opened without one', async () => {
      await render(GoalDialog, {});
      await type('textarea', 'Walk every morning');
      await submit();
      expect(errors()).toContain('Choose the dimension this goal belongs to.');
      await choose('Health');
      await submit();
      expect(backend.expectOne({ method: 'POST', url: '/api/v1/participants/p-1/goals' }).request.body.dimension).toBe('health');
    });

    it('edits a goal with its version, clearing the target date, and hands back a conflict', async () => {
      await render(GoalDialog, { goal: testGoal({ version: 3 }) });
      expect(element.querySelector('#goal-step-0')).toBeNull();
      await type('input[type="date"]', '');
      await submit();
      const request = backend.expectOne({ method: 'PATCH', url: '/api/v1/goals/g-1' });
      expect(request.request.body).toEqual({ dimension: 'home', statement: 'Have my own place by spring', targetDate: null, version: 3 });
      request.flush(
        { type: 'about:blank', title: 'Conflict', status: 409, detail: 'The goal has changed.', currentVersion: 4 },
        { status: 409, statusText: 'Conflict', headers: { 'content-type': PROBLEM_CONTENT_TYPE } },
      );
      expect(close).toHaveBeenCalledWith({ conflict: 'The goal has changed.' });
    });
  });

  describe('GoalStatusDialog', () => {
    it.each(['Revised', 'Discontinued'])('requires a reason of at least 3 characters for %s', async (label) => {
      await render(GoalStatusDialog, { goal: testGoal({ version: 2 }) });
      expect([...element.querySelectorAll('mat-radio-button')].map((radio) => radio.textContent?.trim())).toEqual(['Achieved', 'Revised', 'Discontinued']);
      await choose(label);
      await submit();
      expect(errors()).toContain('Say why, in at least 3 characters.');
      await type('textarea', 'no');
      await submit();
      expect(errors()).toContain('Say why, in at least 3 characters.');
      await type('textarea', 'Moving in with my sister instead');
      await submit();
      const request = backend.expectOne({ method: 'POST', url: '/api/v1/goals/g-1/status' });
      expect(request.request.body).toEqual({ status: label.toLowerCase(), reason: 'Moving in with my sister instead', version: 2 });
      request.flush(testGoal({ status: label.toLowerCase() as 'revised' }));
    });

    it('marks a goal achieved without a reason', async () => {
      await render(GoalStatusDialog, { goal: testGoal() });
      await choose('Achieved');
      await submit();
      expect(backend.expectOne({ method: 'POST', url: '/api/v1/goals/g-1/status' }).request.body).toEqual({ status: 'achieved', version: 1 });
    });

    it('reopens a closed goal, with the one choice already made', async () => {
      await render(GoalStatusDialog, { goal: testGoal({ status: 'discontinued', version: 5 }) });
      expect(element.querySelector('h2')?.textContent?.trim()).toBe('Reopen goal');
      await submit();
      expect(backend.expectOne({ method: 'POST', url: '/api/v1/goals/g-1/status' }).request.body).toEqual({ status: 'active', version: 5 });
    });
  });

  describe('ProgressDialog', () => {
    it('records a rating for today by default, and refuses a future date', async () => {
      await render(ProgressDialog, { goal: testGoal({ progress: [{ id: 'e-1', recordedOn: '2026-01-01', rating: 4, comment: null, recordedByName: null }] }) });
      const today = todayIn('America/Chicago');
      expect(element.querySelector<HTMLInputElement>('input[type="date"]')?.value).toBe(today);
      expect(element.querySelector('.rating-value')?.textContent?.trim()).toBe('4/10');
      await type('input[type="date"]', '2999-01-01');
      await submit();
      expect(errors()).toContain('The date cannot be in the future.');
      await type('input[type="date"]', today);
      await type('textarea', 'Saw two apartments');
      await submit();
      const request = backend.expectOne({ method: 'POST', url: '/api/v1/goals/g-1/progress' });
      expect(request.request.body).toEqual({ rating: 4, recordedOn: today, comment: 'Saw two apartments' });
    });
  });

  describe('StepDialog', () => {
    it('requires a description', async () => {
      await render(StepDialog, { goal: testGoal() });
      await submit();
      expect(errors()).toContain('Describe the step.');
      await type('input', 'Ask about the waiting list');
      await submit();
      expect(backend.expectOne({ method: 'POST', url: '/api/v1/goals/g-1/steps' }).request.body).toEqual({ description: 'Ask about the waiting list' });
    });
  });
});

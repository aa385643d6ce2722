import { HttpErrorResponse, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { PROBLEM_CONTENT_TYPE } from '@waypoint/shared-contracts';
import { SHOW_PROBLEM_SNACKBAR } from '@waypoint/web-core';
import { RecoveryPlanApi } from './recovery-plan-api';
import type { Goal } from './recovery-plan.models';

const goal: Goal = {
  id: 'g-1',
  dimension: 'home',
  statement: 'Have my own place by spring',
  targetDate: '2027-03-01',
  status: 'active',
  statusReason: null,
  statusChangedOn: null,
  createdAt: '2026-01-05T15:00:00.000Z',
  version: 1,
  steps: [{ id: 's-1', position: 0, description: 'Call the housing office', doneAt: null, version: 1 }],
  progress: [],
};

describe('RecoveryPlanApi', () => {
  let api: RecoveryPlanApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(RecoveryPlanApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('reads the plan of one participant, leaving its problems to the page', () => {
    let goals: Goal[] | undefined;
    api.plan('p 1').subscribe((plan) => (goals = plan.goals));
    const request = backend.expectOne({ method: 'GET', url: '/api/v1/participants/p%201/plan' });
    expect(request.request.context.get(SHOW_PROBLEM_SNACKBAR)).toBe(false);
    request.flush({ goals: [goal] });
    expect(goals?.[0].statement).toBe('Have my own place by spring');
  });

  it('creates a goal with its steps in order', () => {
    let created: Goal | undefined;
    api.createGoal('p-1', { dimension: 'home', statement: 'Have my own place by spring', steps: ['Call the housing office', 'Visit two flats'] }).subscribe((g) => (created = g));
    const request = backend.expectOne({ method: 'POST', url: '/api/v1/participants/p-1/goals' });
    expect(request.request.body).toEqual({ dimension: 'home', statement: 'Have my own place by spring', steps: ['Call the housing office', 'Visit two flats'] });
    request.flush(goal, { status: 201, statusText: 'Created' });
    expect(created?.id).toBe('g-1');
  });

  it('updates a goal with the version it read, and clears a target date with null', () => {
    api.updateGoal('g-1', { targetDate: null, version: 1 }).subscribe();
    const request = backend.expectOne({ method: 'PATCH', url: '/api/v1/goals/g-1' });
    expect(request.request.body).toEqual({ targetDate: null, version: 1 });
    request.flush({ ...goal, targetDate: null, version: 2 });
  });

  it('changes the status with a reason', () => {
    api.changeStatus('g-1', { status: 'discontinued', reason: 'Moving in with my sister instead', version: 1 }).subscribe();
    const request = backend.expectOne({ method: 'POST', url: '/api/v1/goals/g-1/status' });
    expect(request.request.body).toEqual({ status: 'discontinued', reason: 'Moving in with my sister instead', version: 1 });
    request.flush({ ...goal, status: 'discontinued', version: 2 });
  });

  it('adds and reorders steps', () => {
    api.addStep('g-1', 'Visit two flats').subscribe();
    const add = backend.expectOne({ method: 'POST', url: '/api/v1/goals/g-1/steps' });
    expect(add.request.body).toEqual({ description: 'Visit two flats' });
    add.flush(goal, { status: 201, statusText: 'Created' });
    api.reorderSteps('g-1', ['s-2', 's-1']).subscribe();
    const order = backend.expectOne({ method: 'POST', url: '/api/v1/goals/g-1/steps/order' });
    expect(order.request.body).toEqual({ stepIds: ['s-2', 's-1'] });
    order.flush(goal);
  });

  it('marks a step done, and hands a stale version (409) to the caller', () => {
    let failure: HttpErrorResponse | undefined;
    api.updateStep('s-1', { done: true, version: 1 }).subscribe({ error: (error: HttpErrorResponse) => (failure = error) });
    const request = backend.expectOne({ method: 'PATCH', url: '/api/v1/goal-steps/s-1' });
    expect(request.request.body).toEqual({ done: true, version: 1 });
    expect(request.request.context.get(SHOW_PROBLEM_SNACKBAR)).toBe(false);
    request.flush(
      { type: 'about:blank', title: 'Conflict', status: 409, detail: 'The step changed meanwhile.', currentVersion: 2 },
      { status: 409, statusText: 'Conflict', headers: { 'content-type': PROBLEM_CONTENT_TYPE } },
    );
    expect(failure?.status).toBe(409);
    expect(failure?.error.currentVersion).toBe(2);
  });

  it('records progress', () => {
    api.recordProgress('g-1', { rating: 7, recordedOn: '2026-02-01', comment: 'Saw two places' }).subscribe();
    const request = backend.expectOne({ method: 'POST', url: '/api/v1/goals/g-1/progress' });
    expect(request.request.body).toEqual({ rating: 7, recordedOn: '2026-02-01', comment: 'Saw two places' });
    request.flush(goal, { status: 201, statusText: 'Created' });
  });
});

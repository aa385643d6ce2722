import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import { type Permission, PROBLEM_CONTENT_TYPE, ROLE_PERMISSIONS } from '@waypoint/shared-contracts';
import { SessionStore } from '@waypoint/web-auth';
import { testGoal } from './plan-test-data';
import { RecoveryPlanPage } from './recovery-plan-page';

describe('RecoveryPlanPage', () => {
  let fixture: ComponentFixture<RecoveryPlanPage>;
  let backend: HttpTestingController;
  let element: HTMLElement;

  const participant = { id: 'p-1', legalFirstName: 'Marcus', legalLastName: 'Bell', preferredName: null, pronouns: 'he/him', status: 'active', version: 1 };

  async function render(permissions: readonly Permission[]) {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: SessionStore, useValue: { can: (permission: Permission) => permissions.includes(permission), user: signal(null) } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(RecoveryPlanPage);
    fixture.componentRef.setInput('id', 'p-1');
    element = fixture.nativeElement;
    await fixture.whenStable();
  }

  async function answer(goals: unknown[]) {
    backend.expectOne('/api/v1/participants/p-1').flush(participant);
    backend.expectOne('/api/v1/participants/p-1/plan').flush({ goals });
    await fixture.whenStable();
  }

  const cards = () => [...element.querySelectorAll('lib-plan-dimension-card')];
  const checkbox = (label: string) =>
    [...element.querySelectorAll('mat-checkbox')].find((box) => box.textContent?.includes(label))?.querySelector<HTMLInputElement>('input');
  const status = () => element.querySelector('[role="status"]')?.textContent?.trim();
  const alert = () => element.querySelector('[role="alert"]')?.textContent?.trim();

  afterEach(() => {
    TestBed.inject(MatDialog).closeAll();
    backend.verify();
  });

  describe('for a specialist', () => {
    beforeEach(() => render(ROLE_PERMISSIONS.specialist));

    it('shows a spinner, then the four dimensions with their goals and summaries', async () => {
      expect(element.querySelector('mat-progress-spinner')).not.toBeNull();
      await answer([
        testGoal(),
        testGoal({ id: 'g-2', dimension: 'health', statement: 'Walk every morning', status: 'achieved', steps: [], progress: [{ id: 'e-1', recordedOn: '2026-02-01', rating: 10, comment: null, recordedByName: 'Jordan' }] }),
      ]);
      expect(element.querySelector('mat-progress-spinner')).toBeNull();
      expect(element.querySelector('h1')?.textContent).toBe('Recovery plan');
      expect(element.textContent).toContain('Marcus Bell');
      expect(cards().map((card) => card.querySelector('h2')?.textContent)).toEqual(['Health', 'Home', 'Purpose', 'Community']);
      const [health, home, purpose] = cards();
      expect(home.textContent).toContain('Have my own place by spring');
      expect(home.textContent).toContain('1 active · none achieved yet');
      expect(home.textContent).toContain('0 of 2 steps done');
      expect(health.textContent).toContain('No active goals · 1 achieved');
      expect(health.querySelector('mat-progress-bar')?.getAttribute('aria-label')).toBe('Latest progress: 10 of 10');
      expect(purpose.textContent).toContain('No Purpose goals yet.');
      expect(element.textContent).not.toContain('No goals yet');
    });

    it('says when the whole plan is empty, and offers the first goal', async () => {
      await answer([]);
      expect(element.textContent).toContain('No goals yet');
      expect([...element.querySelectorAll('button')].some((button) => button.textContent?.includes('Add the first goal'))).toBe(true);
      expect(cards()).toHaveLength(4);
    });

    it('ticks a step at once, then keeps what the API answers', async () => {
      await answer([testGoal()]);
      checkbox('Call the housing office')?.click();
      await fixture.whenStable();
      expect(checkbox('Call the housing office')?.checked).toBe(true);
      const request = backend.expectOne({ method: 'PATCH', url: '/api/v1/goal-steps/s-1' });
      expect(request.request.body).toEqual({ done: true, version: 1 });
      const goal = testGoal();
      request.flush({ ...goal, steps: [{ ...goal.steps[0], doneAt: '2026-02-01T10:00:00Z', version: 2 }, goal.steps[1]] });
      await fixture.whenStable();
      expect(checkbox('Call the housing office')?.checked).toBe(true);
      expect(element.textContent).toContain('1 of 2 steps done');
      expect(status()).toBe('Step done: Call the housing office.');
    });

    it('takes the tick back when the API refuses, and reloads the plan on a stale version', async () => {
      await answer([testGoal()]);
      checkbox('Visit two apartments')?.click();
      await fixture.whenStable();
      backend
        .expectOne({ method: 'PATCH', url: '/api/v1/goal-steps/s-2' })
        .flush(
          { type: 'about:blank', title: 'Conflict', status: 409, detail: 'The step has changed.', currentVersion: 2 },
          { status: 409, statusText: 'Conflict', headers: { 'content-type': PROBLEM_CONTENT_TYPE } },
        );
      await fixture.whenStable();
      expect(checkbox('Visit two apartments')?.checked).toBe(false);
      expect(alert()).toContain('changed by someone else');
      const goal = testGoal();
      backend.expectOne('/api/v1/participants/p-1/plan').flush({ goals: [{ ...goal, steps: [goal.steps[0], { ...goal.steps[1], doneAt: '2026-02-01T10:00:00Z', version: 2 }] }] });
      await fixture.whenStable();
      expect(checkbox('Visit two apartments')?.checked).toBe(true);
    });

    it('offers to try again when the plan cannot be loaded', async () => {
      backend.expectOne('/api/v1/participants/p-1').flush(participant);
      backend.expectOne('/api/v1/participants/p-1/plan').flush(null, { status: 500, statusText: 'Server Error' });
      await fixture.whenStable();
      expect(element.textContent).toContain('The recovery plan could not be loaded');
      [...element.querySelectorAll('button')].find((button) => button.textContent?.includes('Try again'))?.click();
      await fixture.whenStable();
      await answer([]);
      expect(cards()).toHaveLength(4);
    });

    it('adds a goal through the dialog and announces it', async () => {
      await answer([]);
      [...element.querySelectorAll('button')].find((button) => button.textContent?.includes('Add a Purpose goal'))?.click();
      await fixture.whenStable();
      const dialog = document.querySelector('lib-goal-dialog');
      if (!dialog) throw new Error('the dialog did not open');
      const statement = dialog.querySelector<HTMLTextAreaElement>('textarea');
      if (!statement) throw new Error('no statement field');
      statement.value = 'Finish my GED';
      statement.dispatchEvent(new Event('input'));
      dialog.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
      await fixture.whenStable();
      const request = backend.expectOne({ method: 'POST', url: '/api/v1/participants/p-1/goals' });
      expect(request.request.body).toEqual({ dimension: 'purpose', statement: 'Finish my GED', steps: [] });
      request.flush(testGoal({ id: 'g-9', dimension: 'purpose', statement: 'Finish my GED', steps: [] }), { status: 201, statusText: 'Created' });
      await fixture.whenStable();
      expect(cards()[2].textContent).toContain('Finish my GED');
      expect(status()).toBe('Goal added to Purpose.');
    });
  });

  describe('for someone who may only read', () => {
    beforeEach(() => render(['participants:read']));

    it('shows the plan without ways to change it', async () => {
      await answer([testGoal()]);
      expect(checkbox('Call the housing office')?.disabled).toBe(true);
      const labels = [...element.querySelectorAll('button')].map((button) => button.textContent?.trim());
      expect(labels.some((label) => label?.includes('Add goal') || label?.includes('Record progress'))).toBe(false);
      expect(labels.some((label) => label?.includes('Print'))).toBe(true);
    });
  });
});

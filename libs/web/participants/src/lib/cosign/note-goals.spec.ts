import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { testGoal } from '../plan/plan-test-data';
import { NoteGoals } from './note-goals';

describe('NoteGoals', () => {
  let fixture: ComponentFixture<NoteGoals>;
  let backend: HttpTestingController;
  let element: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(NoteGoals);
    fixture.componentRef.setInput('participantId', 'p-1');
    fixture.componentRef.setInput('goalIds', ['g-2']);
    element = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  const items = () => [...element.querySelectorAll('li.goal')];

  it('lists the participant’s goals, the ones the note names first and marked in words', async () => {
    expect(element.textContent).toContain('Loading the goals…');
    backend.expectOne('/api/v1/participants/p-1/plan').flush({
      goals: [
        testGoal({ id: 'g-1', statement: 'Have my own place by spring' }),
        testGoal({ id: 'g-2', dimension: 'purpose', statement: 'Get my forklift licence' }),
        testGoal({ id: 'g-3', dimension: 'community', statement: 'Go to two meetings a week', status: 'achieved' }),
      ],
    });
    await fixture.whenStable();
    const [first, second, third] = items();
    expect(first.textContent).toContain('Get my forklift licence');
    expect(first.textContent).toContain('Purpose');
    expect(first.textContent).toContain('In this note');
    expect(second.textContent).toContain('Have my own place by spring');
    expect(second.textContent).not.toContain('In this note');
    expect(third.textContent).toContain('Achieved');
    expect(element.querySelector('a')?.getAttribute('href')).toBe('/participants/p-1/plan');
  });

  it('says when the plan has no goals', async () => {
    backend.expectOne('/api/v1/participants/p-1/plan').flush({ goals: [] });
    await fixture.whenStable();
    expect(element.textContent).toContain('No goals in the plan yet.');
  });

  it('offers to try again when the plan cannot be read', async () => {
    backend.expectOne('/api/v1/participants/p-1/plan').flush(null, { status: 503, statusText: 'Unavailable' });
    await fixture.whenStable();
    expect(element.textContent).toContain('The goals could not be loaded.');
    element.querySelector('button')?.click();
    await fixture.whenStable();
    backend.expectOne('/api/v1/participants/p-1/plan').flush({ goals: [testGoal()] });
    await fixture.whenStable();
    expect(items()).toHaveLength(1);
  });
});

import { BreakpointObserver } from '@angular/cdk/layout';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, Router } from '@angular/router';
import { PROBLEM_CONTENT_TYPE } from '@waypoint/shared-contracts';
import { SessionStore } from '@waypoint/web-auth';
import { of } from 'rxjs';
import { AssessmentFormPage } from './assessment-form-page';

describe('AssessmentFormPage', () => {
  let fixture: ComponentFixture<AssessmentFormPage>;
  let backend: HttpTestingController;
  let element: HTMLElement;
  let navigate: jest.SpyInstance;

  async function render(narrow: boolean) {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: SessionStore, useValue: { can: () => true, user: signal({ timeZone: 'UTC' }) } },
        { provide: BreakpointObserver, useValue: { observe: () => of({ matches: narrow, breakpoints: {} }), isMatched: () => narrow } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(AssessmentFormPage);
    fixture.componentRef.setInput('id', 'p-1');
    element = fixture.nativeElement;
    await fixture.whenStable();
  }

  afterEach(() => backend.verify());

  const button = (text: string) => [...element.querySelectorAll('button')].find((candidate) => candidate.textContent?.includes(text));
  const choose = async (label: string, fieldset: Element = element) => {
    const radio = [...fieldset.querySelectorAll('mat-radio-button')].find((candidate) => candidate.textContent?.includes(label));
    radio?.querySelector('input')?.click();
    await fixture.whenStable();
  };
  const alert = () => element.querySelector('[role="alert"]')?.textContent?.trim();

  describe('on a phone', () => {
    beforeEach(() => render(true));

    it('goes one item at a time with progress, and will not go on without an answer', async () => {
      expect(element.querySelector('h2')?.textContent).toContain('Item 1 of 10');
      expect(element.querySelectorAll('fieldset')).toHaveLength(1);
      expect(element.querySelector('legend')?.textContent).toContain('Other things in my life matter more to me now');
      expect([...element.querySelectorAll('mat-radio-button')].map((radio) => radio.querySelector('.label')?.textContent)).toEqual([
        'Strongly disagree',
        'Disagree',
        'Somewhat disagree',
        'Somewhat agree',
        'Agree',
        'Strongly agree',
      ]);
      expect(button('Back')).toBeUndefined();
      button('Next')?.click();
      await fixture.whenStable();
      expect(alert()).toContain('Choose an answer to go on');
      expect(element.querySelector('h2')?.textContent).toContain('Item 1 of 10');

      await choose('Somewhat agree');
      button('Next')?.click();
      await fixture.whenStable();
      expect(alert()).toBe('');
      expect(element.querySelector('h2')?.textContent).toContain('Item 2 of 10');
      expect(document.activeElement).toBe(element.querySelector('h2'));
      button('Back')?.click();
      await fixture.whenStable();
      expect(element.querySelector('h2')?.textContent).toContain('Item 1 of 10');
      expect(element.querySelector<HTMLInputElement>('mat-radio-button.mat-mdc-radio-checked input')?.value).toBeDefined();
    });

    it('records all ten answers, then returns to the history with the total', async () => {
      const picks = ['Agree', 'Somewhat agree', 'Strongly agree', 'Disagree', 'Agree', 'Agree', 'Strongly disagree', 'Strongly agree', 'Somewhat disagree', 'Agree'];
      for (const pick of picks) {
        await choose(pick);
        button('Next')?.click();
        await fixture.whenStable();
      }
      expect(element.querySelector('h2')?.textContent).toContain('Date and notes');
      expect(element.textContent).toContain('Total: 42 of 60');
      const notes = element.querySelector<HTMLTextAreaElement>('textarea');
      if (!notes) throw new Error('no notes field');
      notes.value = '  Steady month.  ';
      notes.dispatchEvent(new Event('input'));
      button('Save assessment')?.click();
      await fixture.whenStable();
      const request = backend.expectOne({ method: 'POST', url: '/api/v1/participants/p-1/assessments' });
      expect(request.request.body).toEqual({ takenOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), answers: [5, 4, 6, 2, 5, 5, 1, 6, 3, 5], notes: 'Steady month.' });
      request.flush({ id: 'a-1', total: 42 });
      await fixture.whenStable();
      expect(navigate).toHaveBeenCalledWith(['/participants', 'p-1', 'assessments'], { state: { recordedTotal: 42 } });
    });
  });

  describe('on a wide screen', () => {
    beforeEach(() => render(false));

    it('shows all ten items and names the unanswered ones instead of saving', async () => {
      const fieldsets = [...element.querySelectorAll('fieldset')];
      expect(fieldsets).toHaveLength(10);
      expect(fieldsets[6].querySelector('legend')?.textContent).toContain('7. Home');
      for (const [index, fieldset] of fieldsets.entries()) if (index !== 2 && index !== 8) await choose('Agree', fieldset);
      button('Save assessment')?.click();
      await fixture.whenStable();
      expect(alert()).toBe('Answer every item before saving. Still open: 3, 9.');
      expect(element.querySelectorAll('fieldset.unanswered')).toHaveLength(2);
      backend.expectNone('/api/v1/participants/p-1/assessments');
    });

    it('says why the API refused it, and stays on the form', async () => {
      for (const fieldset of element.querySelectorAll('fieldset')) await choose('Agree', fieldset);
      button('Save assessment')?.click();
      await fixture.whenStable();
      backend
        .expectOne('/api/v1/participants/p-1/assessments')
        .flush(
          { type: '/problems/validation', title: 'Invalid', status: 400, errors: { takenOn: ['An assessment cannot be dated in the future.'] } },
          { status: 400, statusText: 'Bad Request', headers: { 'Content-Type': PROBLEM_CONTENT_TYPE } },
        );
      await fixture.whenStable();
      expect(alert()).toBe('The date cannot be in the future.');
      expect(navigate).not.toHaveBeenCalled();
    });
  });
});

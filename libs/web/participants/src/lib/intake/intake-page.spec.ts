import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, Router } from '@angular/router';
import { type Permission, PROBLEM_CONTENT_TYPE, ROLE_PERMISSIONS, type Role } from '@waypoint/shared-contracts';
import { SessionStore } from '@waypoint/web-auth';
import { IntakePage } from './intake-page';

const candidate = { id: 'p-9', displayName: 'Jordan A.', dateOfBirth: '1990-04-12', status: 'active', inYourCaseload: true };
/** Outside the caller's care team the API names only whom to contact. */
const elsewhere = { inYourCaseload: false, careTeamContact: { specialistName: 'Bea Ramirez', supervisorName: 'Cal Okafor' } };
const problemHeaders = { 'content-type': PROBLEM_CONTENT_TYPE };

describe('IntakePage', () => {
  let fixture: ComponentFixture<IntakePage>;
  let backend: HttpTestingController;
  let element: HTMLElement;
  let navigate: jest.SpyInstance;

  async function render(role: Role) {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        {
          provide: SessionStore,
          useValue: {
            can: (permission: Permission) => ROLE_PERMISSIONS[role].includes(permission),
            user: signal({ id: 'me', role, timeZone: 'America/Chicago' }),
          },
        },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(IntakePage);
    element = fixture.nativeElement;
    await fixture.whenStable();
  }

  afterEach(() => backend.verify());

  const field = <T extends HTMLElement = HTMLInputElement>(name: string) => {
    const found = element.querySelector<T>(`[formcontrolname="${name}"]`);
    if (!found) throw new Error(`no ${name}`);
    return found;
  };

  async function type(name: string, value: string, blur = false) {
    const input = field<HTMLInputElement | HTMLTextAreaElement>(name);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    if (blur) input.dispatchEvent(new Event('blur'));
    await fixture.whenStable();
  }

  async function fillIdentity() {
    await type('legalFirstName', ' Jordan ', true);
    await type('legalLastName', 'Avery', true);
    await type('dateOfBirth', '1990-04-12', true);
  }

  const submit = async () => {
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();
  };
  const alert = () => element.querySelector('.failure[role="alert"]')?.textContent?.trim();
  const duplicateCheck = () => backend.expectOne({ method: 'POST', url: '/api/v1/participants/duplicate-check' });

  describe('for a specialist', () => {
    beforeEach(() => render('specialist'));

    it('labels every section, notes Part 2, and asks nobody to choose a specialist', () => {
      expect([...element.querySelectorAll('h2')].map((h) => h.textContent?.trim())).toEqual([
        'Identity',
        'Contact',
        'Recovery',
        'Referral and emergency contact',
        'Intake notes',
      ]);
      expect(element.textContent).toContain('protected under 42 CFR Part 2');
      expect(element.querySelector('[formcontrolname="primarySpecialistId"]')).toBeNull();
      backend.expectNone('/api/v1/care-team/specialists');
    });

    it('explains what is missing or wrong before sending anything', async () => {
      await submit();
      expect(alert()).toContain('Some fields need attention');
      expect(element.textContent).toContain('Enter the legal first name.');
      expect(element.textContent).toContain('Enter the date of birth.');
      await fillIdentity();
      duplicateCheck().flush({ candidates: [] });
      await type('dateOfBirth', '2999-01-01');
      await type('email', 'not-an-email');
      await type('phone', 'call me');
      await submit();
      expect(element.textContent).toContain('The date of birth cannot be in the future.');
      expect(element.textContent).toContain('Enter an email address like name@example.org.');
      expect(element.textContent).toContain('Enter a phone number');
      backend.expectNone('/api/v1/participants');
    });

    it('checks for duplicates once names and birthday are in, and asks for a decision', async () => {
      await type('legalFirstName', 'Jordan', true);
      backend.expectNone('/api/v1/participants/duplicate-check');
      await type('legalLastName', 'Avery', true);
      await type('dateOfBirth', '1990-04-12', true);
      const check = duplicateCheck();
      expect(check.request.body).toEqual({ legalFirstName: 'Jordan', legalLastName: 'Avery', dateOfBirth: '1990-04-12' });
      check.flush({ candidates: [candidate, elsewhere] });
      await fixture.whenStable();

      const warning = element.querySelector('lib-duplicate-warning');
      expect(warning?.textContent).toContain('This person may already be on record');
      const items = [...(warning?.querySelectorAll('li') ?? [])];
      expect(items[0].querySelector('a')?.getAttribute('href')).toBe('/participants/p-9');
      expect(items[1].querySelector('a')).toBeNull();
      expect(items[1].textContent).toContain('A likely match in another care team');
      expect(items[1].textContent).toContain('ask Bea Ramirez (peer specialist) or Cal Okafor (supervisor) whether this is the same person');
      expect(items[1].textContent).not.toMatch(/Born|Referred|Jordan/);

      // Leaving a field without changing it asks nothing new.
      field('legalLastName').dispatchEvent(new Event('blur'));
      backend.expectNone('/api/v1/participants/duplicate-check');

      await submit();
      expect(alert()).toContain('confirm that this is a new person');
      backend.expectNone('/api/v1/participants');

      warning?.querySelector<HTMLInputElement>('input[type="checkbox"]')?.click();
      await submit();
      const create = backend.expectOne({ method: 'POST', url: '/api/v1/participants' });
      expect(create.request.body).toEqual(
        expect.objectContaining({ legalFirstName: 'Jordan', legalLastName: 'Avery', dateOfBirth: '1990-04-12', confirmedNotDuplicate: true }),
      );
      expect(create.request.body.primarySpecialistId).toBeUndefined();
      create.flush({ id: 'p-new', legalFirstName: 'Jordan', legalLastName: 'Avery', preferredName: null, pronouns: null, status: 'referred', version: 1 });
      await fixture.whenStable();
      expect(navigate).toHaveBeenCalledWith(['/participants', 'p-new']);
    });

    it('sends the whole intake, disables the button while saving, and opens the new record', async () => {
      await fillIdentity();
      duplicateCheck().flush({ candidates: [] });
      expect(element.querySelector('lib-duplicate-warning')).toBeNull();
      await type('preferredName', 'Jo');
      await type('phone', '(312) 555-0101');
      await type('referralSource', 'County hospital ED');
      await type('emergencyContactName', 'Casey Avery');
      await type('intakeNotes', 'Wants help finding a meeting.');
      expect(element.textContent).toContain('29 of 4000 characters');
      const pathway = [...element.querySelectorAll('mat-checkbox')].find((box) => box.textContent?.includes('SMART Recovery'));
      pathway?.querySelector('input')?.click();
      await fixture.whenStable();

      await submit();
      const button = element.querySelector<HTMLButtonElement>('button[type="submit"]');
      expect(button?.disabled).toBe(true);
      expect(button?.textContent).toContain('Saving…');
      const create = backend.expectOne({ method: 'POST', url: '/api/v1/participants' });
      expect(create.request.body).toEqual({
        legalFirstName: 'Jordan',
        legalLastName: 'Avery',
        dateOfBirth: '1990-04-12',
        preferredName: 'Jo',
        phone: '(312) 555-0101',
        okToText: false,
        recoveryPathways: ['smart_recovery'],
        primarySubstances: [],
        referralSource: 'County hospital ED',
        emergencyContactName: 'Casey Avery',
        intakeNotes: 'Wants help finding a meeting.',
      });
      create.flush({ id: 'p-new', legalFirstName: 'Jordan', legalLastName: 'Avery', preferredName: 'Jo', pronouns: null, status: 'referred', version: 1 });
      await fixture.whenStable();
      expect(navigate).toHaveBeenCalledWith(['/participants', 'p-new']);
    });

    it('says whom to ask for a match in another care team, whoever is left to name', async () => {
      await type('legalFirstName', 'Jordan', true);
      await type('legalLastName', 'Avery', true);
      await type('dateOfBirth', '1990-04-12', true);
      const contact = (specialistName: string | null, supervisorName: string | null) => ({ inYourCaseload: false, careTeamContact: { specialistName, supervisorName } });
      duplicateCheck().flush({ candidates: [contact('Bea Ramirez', null), contact(null, 'Cal Okafor'), contact(null, null)] });
      await fixture.whenStable();
      const items = [...element.querySelectorAll('lib-duplicate-warning li')].map((item) => item.textContent ?? '');
      expect(items[0]).toContain('ask Bea Ramirez, their peer specialist, whether this is the same person');
      expect(items[1]).toContain('ask Cal Okafor, the supervisor of their care team, whether this is the same person');
      expect(items[2]).toContain('Nobody is assigned to them now: ask your supervisor before adding them.');
      // None of them is the reader's to open, so the warning does not say to open a record.
      expect(element.querySelector('lib-duplicate-warning p')?.textContent).toContain('Check with their care team rather than adding them twice.');
    });

    it('shows the duplicate warning when the API refuses with possible duplicates (409)', async () => {
      await fillIdentity();
      duplicateCheck().flush(null, { status: 503, statusText: 'Unavailable' });
      await submit();
      backend.expectOne({ method: 'POST', url: '/api/v1/participants' }).flush(
        { type: '/problems/possible-duplicate', title: 'Possible duplicate', status: 409, detail: 'Someone like this exists.', candidates: [candidate] },
        { status: 409, statusText: 'Conflict', headers: problemHeaders },
      );
      await fixture.whenStable();
      expect(element.querySelector('lib-duplicate-warning')?.textContent).toContain('Jordan A.');
      expect(alert()).toContain('This person may already be on record');
      expect(navigate).not.toHaveBeenCalled();

      element.querySelector<HTMLInputElement>('lib-duplicate-warning input[type="checkbox"]')?.click();
      await submit();
      const retry = backend.expectOne({ method: 'POST', url: '/api/v1/participants' });
      expect(retry.request.body.confirmedNotDuplicate).toBe(true);
      retry.flush({ id: 'p-new', legalFirstName: 'Jordan', legalLastName: 'Avery', preferredName: null, pronouns: null, status: 'referred', version: 1 });
    });

    it('shows the API’s field messages on those fields (400)', async () => {
      await fillIdentity();
      duplicateCheck().flush({ candidates: [] });
      await type('email', 'jordan@example.org');
      await submit();
      backend.expectOne({ method: 'POST', url: '/api/v1/participants' }).flush(
        { type: '/problems/validation', title: 'Invalid', status: 400, errors: { email: ['This email domain does not accept mail.'] } },
        { status: 400, statusText: 'Bad Request', headers: problemHeaders },
      );
      await fixture.whenStable();
      expect(alert()).toContain('Some fields need attention');
      const emailField = field('email').closest('mat-form-field');
      expect(emailField?.querySelector('mat-error')?.textContent).toContain('This email domain does not accept mail.');
      expect(field('email').getAttribute('aria-invalid')).toBe('true');
    });
  });

  describe('for a supervisor', () => {
    beforeEach(() => render('supervisor'));

    it('requires a primary specialist chosen from those they may assign to', async () => {
      backend.expectOne('/api/v1/care-team/specialists').flush({
        items: [
          { id: 's-1', displayName: 'Sam Okafor', teamName: 'North', caseloadSize: 1 },
          { id: 's-2', displayName: 'Maria Delgado', teamName: 'North', caseloadSize: 14 },
        ],
      });
      await fixture.whenStable();
      await fillIdentity();
      duplicateCheck().flush({ candidates: [] });
      await submit();
      expect(element.textContent).toContain('Choose the specialist who will support them.');
      backend.expectNone('/api/v1/participants');

      element.querySelector<HTMLElement>('mat-select[formcontrolname="primarySpecialistId"] .mat-mdc-select-trigger')?.click();
      await fixture.whenStable();
      const options = [...document.querySelectorAll('mat-option')];
      expect(options.map((option) => option.textContent?.trim())).toEqual(['Sam Okafor · North · 1 participant', 'Maria Delgado · North · 14 participants']);
      (options[1] as HTMLElement).click();
      await fixture.whenStable();
      await submit();
      const create = backend.expectOne({ method: 'POST', url: '/api/v1/participants' });
      expect(create.request.body.primarySpecialistId).toBe('s-2');
      create.flush({ id: 'p-new', legalFirstName: 'Jordan', legalLastName: 'Avery', preferredName: null, pronouns: null, status: 'referred', version: 1 });
    });
  });
});

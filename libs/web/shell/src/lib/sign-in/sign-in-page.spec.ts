import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { ProblemType } from '@waypoint/shared-contracts';
import { SHOW_PROBLEM_SNACKBAR } from '@waypoint/web-core';
import { SignInPage } from './sign-in-page';

@Component({ template: '' })
class Blank {}

const SIGN_IN_URL = '/api/v1/auth/sign-in';

describe('SignInPage', () => {
  let fixture: ComponentFixture<SignInPage>;
  let element: HTMLElement;
  let backend: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideRouter([{ path: 'caseload', component: Blank }]), provideHttpClient(), provideHttpClientTesting()],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SignInPage);
    element = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  function type(name: 'email' | 'password', value: string): void {
    const input = element.querySelector<HTMLInputElement>(`input[formcontrolname="${name}"]`);
    if (!input) throw new Error(`no ${name} field`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function submit(): Promise<void> {
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();
  }

  const errors = () => [...element.querySelectorAll('mat-error')].map((error) => error.textContent?.trim());
  const alert = () => element.querySelector('[role="alert"]')?.textContent?.trim();

  it('does not send an empty form, and says what is missing', async () => {
    await submit();

    backend.expectNone(SIGN_IN_URL);
    expect(errors()).toEqual(['Enter your email address.', 'Enter your password.']);
    expect(document.activeElement).toBe(element.querySelector('input[formcontrolname="email"]'));
  });

  it('does not send a malformed email address', async () => {
    type('email', 'not-an-email');
    type('password', 'correct horse');
    await submit();

    backend.expectNone(SIGN_IN_URL);
    expect(errors()).toEqual(['Enter an email address like name@example.org.']);
  });

  it('posts the credentials as JSON and opts out of the global error snackbar', async () => {
    type('email', 'sam@example.org');
    type('password', 'correct horse');
    await submit();

    const request = backend.expectOne({ method: 'POST', url: SIGN_IN_URL });
    expect(request.request.body).toEqual({ email: 'sam@example.org', password: 'correct horse' });
    expect(request.request.context.get(SHOW_PROBLEM_SNACKBAR)).toBe(false);
    request.flush({});
  });

  it('shows the problem detail inside the card when sign-in is refused', async () => {
    type('email', 'sam@example.org');
    type('password', 'wrong');
    await submit();

    backend.expectOne(SIGN_IN_URL).flush(
      {
        type: ProblemType.unauthorized,
        title: 'Unauthorized',
        status: 401,
        detail: 'That email and password do not match an active account.',
      },
      { status: 401, statusText: 'Unauthorized', headers: { 'Content-Type': 'application/problem+json' } },
    );
    await fixture.whenStable();

    expect(alert()).toContain('That email and password do not match an active account.');
  });

  it('falls back to the problem title when there is no detail', async () => {
    type('email', 'sam@example.org');
    type('password', 'pw');
    await submit();

    backend.expectOne(SIGN_IN_URL).flush(
      { type: ProblemType.tooManyRequests, title: 'Too many attempts', status: 429 },
      { status: 429, statusText: 'Too Many Requests', headers: { 'Content-Type': 'application/problem+json' } },
    );
    await fixture.whenStable();

    expect(alert()).toContain('Too many attempts');
  });

  it('goes to the caseload once signed in', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    type('email', 'sam@example.org');
    type('password', 'correct horse');
    await submit();

    backend.expectOne(SIGN_IN_URL).flush({});
    expect(navigate).toHaveBeenCalledWith('/caseload');
    expect(alert()).toBeUndefined();
  });
});

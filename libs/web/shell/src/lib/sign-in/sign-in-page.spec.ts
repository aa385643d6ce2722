import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ActivatedRoute, convertToParamMap, provideRouter, Router } from '@angular/router';
import { ProblemType } from '@waypoint/shared-contracts';
import { SessionStore } from '@waypoint/web-auth';
import { SHOW_PROBLEM_SNACKBAR } from '@waypoint/web-core';
import { SignInPage } from './sign-in-page';

@Component({ template: '' })
class Blank {}

const SIGN_IN = '/api/v1/auth/sign-in';
const VERIFY = '/api/v1/auth/mfa/verify';
const ENROLL = '/api/v1/auth/mfa/enrollment';
const problemHeaders = { 'Content-Type': 'application/problem+json' };
const QR = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>';

describe('SignInPage', () => {
  let fixture: ComponentFixture<SignInPage>;
  let element: HTMLElement;
  let backend: HttpTestingController;
  let store: SessionStore;
  let navigate: jest.SpyInstance;

  async function render(options: { returnTo?: string; endReason?: 'idle' | 'ended' | 'signed-out' } = {}) {
    TestBed.configureTestingModule({
      providers: [provideRouter([{ path: '**', component: Blank }]), provideHttpClient(), provideHttpClientTesting()],
    });
    TestBed.overrideProvider(ActivatedRoute, {
      useValue: { snapshot: { queryParamMap: convertToParamMap(options.returnTo ? { returnTo: options.returnTo } : {}) } },
    });
    backend = TestBed.inject(HttpTestingController);
    store = TestBed.inject(SessionStore);
    if (options.endReason) store.end(options.endReason);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    fixture = TestBed.createComponent(SignInPage);
    element = fixture.nativeElement;
    await fixture.whenStable();
  }

  afterEach(() => backend.verify());

  function type(selector: string, value: string): void {
    const input = element.querySelector<HTMLInputElement>(selector);
    if (!input) throw new Error(`no field ${selector}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function click(selector: string, text?: string): Promise<void> {
    const buttons = [...element.querySelectorAll<HTMLButtonElement>(selector)];
    const button = text ? buttons.find((candidate) => candidate.textContent?.trim() === text) : buttons[0];
    if (!button) throw new Error(`no button ${selector} ${text ?? ''}`);
    button.click();
    await fixture.whenStable();
  }

  async function passPasswordStep(next: 'mfa' | 'mfa-enrollment'): Promise<void> {
    type('input[formcontrolname="email"]', 'sam@example.org');
    type('input[formcontrolname="password"]', 'correct horse');
    await click('button[type="submit"]');
    backend.expectOne(SIGN_IN).flush({ next });
    await fixture.whenStable();
  }

  const heading = () => element.querySelector('h1')?.textContent?.trim();
  const errors = () => [...element.querySelectorAll('mat-error')].map((error) => error.textContent?.trim());
  const alert = () => element.querySelector('[role="alert"]')?.textContent?.trim();
  const codeField = () => element.querySelector<HTMLInputElement>('lib-code-step input');

  it('does not send an empty form, and says what is missing', async () => {
    await render();
    await click('button[type="submit"]');
    backend.expectNone(SIGN_IN);
    expect(errors()).toEqual(['Enter your email address.', 'Enter your password.']);
    expect(document.activeElement).toBe(element.querySelector('input[formcontrolname="email"]'));
  });

  it('posts the credentials without the global snackbar, and shows a refusal inside the card', async () => {
    await render();
    type('input[formcontrolname="email"]', 'sam@example.org');
    type('input[formcontrolname="password"]', 'wrong');
    await click('button[type="submit"]');

    const request = backend.expectOne({ method: 'POST', url: SIGN_IN });
    expect(request.request.body).toEqual({ email: 'sam@example.org', password: 'wrong' });
    expect(request.request.context.get(SHOW_PROBLEM_SNACKBAR)).toBe(false);
    request.flush(
      { type: ProblemType.unauthorized, title: 'Unauthorized', status: 401, detail: 'The email or password is incorrect.' },
      { status: 401, statusText: 'Unauthorized', headers: problemHeaders },
    );
    await fixture.whenStable();

    expect(alert()).toContain('The email or password is incorrect.');
    expect(heading()).toBe('Sign in');
  });

  it('asks for the 6-digit code next, focused, with one-time-code autofill and a numeric keypad', async () => {
    await render();
    await passPasswordStep('mfa');

    expect(heading()).toBe('Two-step verification');
    const field = codeField();
    expect(field?.getAttribute('autocomplete')).toBe('one-time-code');
    expect(field?.getAttribute('inputmode')).toBe('numeric');
    expect(document.activeElement).toBe(field);
  });

  it('checks the code shape before sending, accepting the space some apps show', async () => {
    await render();
    await passPasswordStep('mfa');

    type('lib-code-step input', '12345');
    await click('lib-code-step button[type="submit"]');
    backend.expectNone(VERIFY);
    expect(errors()).toEqual(['The code is 6 digits, like 123456.']);

    type('lib-code-step input', '123 456');
    await click('lib-code-step button[type="submit"]');
    expect(backend.expectOne(VERIFY).request.body).toEqual({ code: '123456' });
  });

  it('clears and refocuses the field when the code is refused, showing why', async () => {
    await render();
    await passPasswordStep('mfa');
    type('lib-code-step input', '000000');
    await click('lib-code-step button[type="submit"]');
    backend.expectOne(VERIFY).flush(
      { type: ProblemType.unauthorized, title: 'Unauthorized', status: 401, detail: 'The code is not valid.' },
      { status: 401, statusText: 'Unauthorized', headers: problemHeaders },
    );
    await fixture.whenStable();

    expect(alert()).toContain('The code is not valid.');
    expect(codeField()?.value).toBe('');
    expect(document.activeElement).toBe(codeField());
  });

  it('takes a recovery code instead when asked', async () => {
    await render();
    await passPasswordStep('mfa');
    await click('lib-code-step button.toggle');
    expect(element.querySelector('lib-code-step mat-label')?.textContent).toBe('Recovery code');

    type('lib-code-step input', 'ABCDE-FGHJK');
    await click('lib-code-step button[type="submit"]');
    expect(backend.expectOne(VERIFY).request.body).toEqual({ recoveryCode: 'abcde-fghjk' });
  });

  it('loads the session after the code and goes to the page asked for', async () => {
    await render({ returnTo: '/account/sessions' });
    const load = jest.spyOn(store, 'load').mockResolvedValue(true);
    await passPasswordStep('mfa');
    type('lib-code-step input', '123456');
    await click('lib-code-step button[type="submit"]');
    backend.expectOne(VERIFY).flush({ user: { id: 'u-1' } });
    await fixture.whenStable();

    expect(load).toHaveBeenCalled();
    expect(navigate).toHaveBeenCalledWith('/account/sessions');
  });

  it('ignores a returnTo that leaves the app', async () => {
    await render({ returnTo: '//evil.example/' });
    jest.spyOn(store, 'load').mockResolvedValue(true);
    await passPasswordStep('mfa');
    type('lib-code-step input', '123456');
    await click('lib-code-step button[type="submit"]');
    backend.expectOne(VERIFY).flush({ user: { id: 'u-1' } });
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith('/');
  });

  it('enrolls on a first sign-in: QR image, key in groups of four, no recovery option yet', async () => {
    await render();
    await passPasswordStep('mfa-enrollment');
    backend
      .expectOne({ method: 'POST', url: ENROLL })
      .flush({ secret: 'JBSWY3DPEHPK3PXPJBSWY3DP', otpauthUri: 'otpauth://totp/x', qrSvg: QR });
    await fixture.whenStable();

    expect(heading()).toBe('Set up two-step verification');
    const img = element.querySelector<HTMLImageElement>('img.qr');
    expect(img?.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(atob(img?.getAttribute('src')?.split(',')[1] ?? '')).toBe(QR);
    expect(img?.getAttribute('alt')).toContain('QR code');
    expect(element.querySelector('code.secret')?.textContent).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP');
    expect(element.querySelector('lib-code-step button.toggle')).toBeNull();
  });

  it('does not render a QR "image" that is not an SVG document', async () => {
    await render();
    await passPasswordStep('mfa-enrollment');
    backend.expectOne(ENROLL).flush({ secret: 'ABCD', otpauthUri: 'x', qrSvg: '<img src=x onerror=alert(1)>' });
    await fixture.whenStable();
    expect(element.querySelector('img.qr')).toBeNull();
    expect(element.querySelector('code.secret')?.textContent).toBe('ABCD');
  });

  it('shows the recovery codes once after enrolling and moves on only when saved', async () => {
    await render();
    const load = jest.spyOn(store, 'load').mockResolvedValue(true);
    await passPasswordStep('mfa-enrollment');
    backend.expectOne(ENROLL).flush({ secret: 'ABCD', otpauthUri: 'x', qrSvg: QR });
    await fixture.whenStable();
    type('lib-code-step input', '123456');
    await click('lib-code-step button[type="submit"]');
    const codes = Array.from({ length: 10 }, (_, i) => `code${i}-abcde`);
    backend.expectOne(VERIFY).flush({ user: { id: 'u-1' }, recoveryCodes: codes });
    await fixture.whenStable();

    expect(heading()).toBe('Save your recovery codes');
    expect([...element.querySelectorAll('ol.codes li')].map((item) => item.textContent?.trim())).toEqual(codes);
    await click('button.continue');
    expect(alert()).toContain('tick the box');
    expect(navigate).not.toHaveBeenCalled();

    element.querySelector<HTMLInputElement>('mat-checkbox input')?.click();
    await click('button.continue');
    expect(load).toHaveBeenCalled();
    expect(navigate).toHaveBeenCalledWith('/');
  });

  it('goes back to email and password on "Start over"', async () => {
    await render();
    await passPasswordStep('mfa');
    await click('lib-code-step button.start-over');
    expect(heading()).toBe('Sign in');
    expect(document.activeElement).toBe(element.querySelector('input[formcontrolname="email"]'));
  });

  it.each([
    ['idle', 'You were signed out after a period without activity.'],
    ['ended', 'Your session has ended. Please sign in again.'],
    ['signed-out', 'You have signed out.'],
  ] as const)('says why the last session ended (%s)', async (reason, message) => {
    await render({ endReason: reason });
    expect(element.querySelector('[role="status"]')?.textContent).toContain(message);
    expect(store.endReason()).toBeNull();
  });
});

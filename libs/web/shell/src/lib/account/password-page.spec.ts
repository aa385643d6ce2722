import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ProblemType } from '@waypoint/shared-contracts';
import { SHOW_PROBLEM_SNACKBAR } from '@waypoint/web-core';
import { PasswordPage } from './password-page';

const PASSWORD = '/api/v1/auth/password';
const problemHeaders = { 'Content-Type': 'application/problem+json' };

describe('PasswordPage', () => {
  let fixture: ComponentFixture<PasswordPage>;
  let backend: HttpTestingController;
  let element: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(PasswordPage);
    element = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  function type(name: string, value: string): void {
    const input = element.querySelector<HTMLInputElement>(`input[formcontrolname="${name}"]`);
    if (!input) throw new Error(`no field ${name}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function submit(): Promise<void> {
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();
  }

  async function fillValid(): Promise<void> {
    type('currentPassword', 'old password here');
    type('newPassword', 'river stone lantern');
    type('confirmation', 'river stone lantern');
    await submit();
  }

  const errors = () => [...element.querySelectorAll('mat-error')].map((error) => error.textContent?.trim());

  it('hints at the length rule and checks length and confirmation before sending', async () => {
    expect(element.querySelector('mat-hint')?.textContent).toContain('At least 12 characters');
    type('currentPassword', 'x');
    type('newPassword', 'short');
    type('confirmation', 'other');
    await submit();
    backend.expectNone(PASSWORD);
    expect(errors()).toEqual(['Use at least 12 characters.', 'This does not match the new password.']);
  });

  it('sends current and new password (not the confirmation) and confirms the change', async () => {
    await fillValid();
    const request = backend.expectOne({ method: 'POST', url: PASSWORD });
    expect(request.request.body).toEqual({ currentPassword: 'old password here', newPassword: 'river stone lantern' });
    expect(request.request.context.get(SHOW_PROBLEM_SNACKBAR)).toBe(false);
    request.flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();

    expect(element.querySelector('[role="status"]')?.textContent).toContain('Your password has been changed.');
    expect(element.querySelector<HTMLInputElement>('input[formcontrolname="newPassword"]')?.value).toBe('');
  });

  it('shows the server\'s word on a weak new password under that field', async () => {
    await fillValid();
    backend.expectOne(PASSWORD).flush(
      {
        type: ProblemType.validation,
        title: 'Invalid',
        status: 400,
        errors: { newPassword: ['This password is too common. Choose another.'] },
      },
      { status: 400, statusText: 'Bad Request', headers: problemHeaders },
    );
    await fixture.whenStable();
    expect(errors()).toEqual(['This password is too common. Choose another.']);
    expect(document.activeElement).toBe(element.querySelector('input[formcontrolname="newPassword"]'));
  });

  it('puts a refused current password under the current-password field', async () => {
    await fillValid();
    backend.expectOne(PASSWORD).flush(
      {
        type: ProblemType.validation,
        title: 'Invalid request',
        status: 400,
        errors: { currentPassword: ['The current password is not right.'] },
      },
      { status: 400, statusText: 'Bad Request', headers: problemHeaders },
    );
    await fixture.whenStable();
    expect(errors()).toEqual(['The current password is not right.']);
  });
});

import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { ProblemType } from '@waypoint/shared-contracts';
import { ManagedUser } from '@waypoint/web-auth';
import { UserFormData, UserFormDialog } from './user-form-dialog';

const sam: ManagedUser = {
  id: 'u-2',
  email: 'sam@example.org',
  displayName: 'Sam Okafor',
  role: 'specialist',
  teamId: 't-1',
  teamName: 'Northside',
  status: 'active',
  mfaEnrolled: true,
  version: 4,
};
const problemHeaders = { 'Content-Type': 'application/problem+json' };

describe('UserFormDialog', () => {
  let backend: HttpTestingController;
  let close: jest.Mock;

  async function render(data: UserFormData) {
    close = jest.fn();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MAT_DIALOG_DATA, useValue: data },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(UserFormDialog);
    await fixture.whenStable();
    const element: HTMLElement = fixture.nativeElement;
    const type = (name: string, value: string) => {
      const input = element.querySelector<HTMLInputElement>(`input[formcontrolname="${name}"]`);
      if (!input) throw new Error(`no field ${name}`);
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    const submit = async () => {
      element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
      await fixture.whenStable();
    };
    return { fixture, element, type, submit };
  }

  afterEach(() => backend.verify());

  it('edits name, role and team, sending the version that was read', async () => {
    const { type, submit } = await render({ user: sam, teams: [{ id: 't-1', name: 'Northside' }] });
    type('displayName', 'Samuel Okafor');
    await submit();

    const request = backend.expectOne('/api/v1/users/u-2');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ displayName: 'Samuel Okafor', role: 'specialist', teamId: 't-1', version: 4 });
    request.flush({ ...sam, displayName: 'Samuel Okafor', version: 5 });
    expect(close).toHaveBeenCalledWith({ saved: expect.objectContaining({ version: 5 }) });
  });

  it('explains a stale version instead of overwriting, and offers a reload', async () => {
    const { fixture, element, submit } = await render({ user: sam, teams: [] });
    await submit();
    backend.expectOne('/api/v1/users/u-2').flush(
      { type: ProblemType.conflict, title: 'Conflict', status: 409 },
      { status: 409, statusText: 'Conflict', headers: problemHeaders },
    );
    await fixture.whenStable();

    expect(element.querySelector('[role="alert"]')?.textContent).toContain('Someone else changed this user');
    const reload = [...element.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === 'Reload');
    reload?.click();
    expect(close).toHaveBeenCalledWith({ reload: true });
  });

  it('creates a user and shows the temporary password once, closing only on Done', async () => {
    const { fixture, element, type, submit } = await render({ teams: [] });
    type('email', 'taylor@example.org');
    type('displayName', 'Taylor Reed');
    await submit();

    const request = backend.expectOne('/api/v1/users');
    expect(request.request.body).toEqual({ email: 'taylor@example.org', displayName: 'Taylor Reed', role: 'specialist' });
    request.flush({ user: { ...sam, id: 'u-9', displayName: 'Taylor Reed' }, temporaryPassword: 'tmp-Pass-123456' });
    await fixture.whenStable();

    expect(element.querySelector('code.password')?.textContent).toBe('tmp-Pass-123456');
    expect(close).not.toHaveBeenCalled();
    [...element.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === 'Done')?.click();
    expect(close).toHaveBeenCalledWith({ saved: expect.objectContaining({ id: 'u-9' }) });
  });

  it('shows the server\'s field problems under the fields', async () => {
    const { fixture, element, type, submit } = await render({ teams: [] });
    type('email', 'sam@example.org');
    type('displayName', 'Sam');
    await submit();
    backend.expectOne('/api/v1/users').flush(
      { type: ProblemType.validation, title: 'Invalid', status: 400, errors: { email: ['This email is already in use.'] } },
      { status: 400, statusText: 'Bad Request', headers: problemHeaders },
    );
    await fixture.whenStable();
    expect(element.querySelector('mat-error')?.textContent?.trim()).toBe('This email is already in use.');
  });
});

import { Clipboard } from '@angular/cdk/clipboard';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialogRef } from '@angular/material/dialog';
import { ProblemType } from '@waypoint/shared-contracts';
import { ManagedUser } from '@waypoint/web-auth';
import { IssueApiTokenDialog } from './issue-api-token-dialog';

const USERS = '/api/v1/users?limit=100';
const TOKENS = '/api/v1/api-tokens';
const SECRET = 'wpt_synthetic-secret-for-tests-only';
const problemHeaders = { 'Content-Type': 'application/problem+json' };

function user(id: string, displayName: string, overrides: Partial<ManagedUser> = {}): ManagedUser {
  return {
    id,
    email: `${id}@example.org`,
    displayName,
    role: 'supervisor',
    teamId: null,
    teamName: null,
    status: 'active',
    mfaEnrolled: true,
    version: 1,
    ...overrides,
  };
}

describe('IssueApiTokenDialog', () => {
  let fixture: ComponentFixture<IssueApiTokenDialog>;
  let element: HTMLElement;
  let backend: HttpTestingController;
  let ref: { close: jest.Mock; disableClose: boolean };
  let copy: jest.Mock;

  beforeEach(async () => {
    ref = { close: jest.fn(), disableClose: false };
    copy = jest.fn(() => true);
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: MatDialogRef, useValue: ref },
        { provide: Clipboard, useValue: { copy } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(IssueApiTokenDialog);
    element = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  async function flushUsers(users: ManagedUser[] = [user('u-1', 'Robin Diaz')]) {
    backend.expectOne(USERS).flush({ items: users, nextCursor: null });
    await fixture.whenStable();
  }

  async function choose(displayName: string) {
    element.querySelector<HTMLElement>('mat-select .mat-mdc-select-trigger')?.click();
    await fixture.whenStable();
    const option = [...document.querySelectorAll<HTMLElement>('mat-option')].find((item) =>
      item.textContent?.includes(displayName),
    );
    if (!option) throw new Error(`no option ${displayName}`);
    option.click();
    await fixture.whenStable();
  }

  function type(name: string, value: string) {
    const input = element.querySelector<HTMLInputElement>(`input[formcontrolname="${name}"]`);
    if (!input) throw new Error(`no field ${name}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function submit() {
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();
  }

  const button = (text: string) =>
    [...element.querySelectorAll<HTMLButtonElement>('button')].find((item) => item.textContent?.trim() === text);
  const optionNames = () =>
    [...document.querySelectorAll('mat-option')].map((option) => option.textContent?.split('·')[0].trim());

  it('offers the active users of every page, by name', async () => {
    backend
      .expectOne(USERS)
      .flush({ items: [user('u-2', 'Sam Okafor'), user('u-3', 'Ada Gone', { status: 'disabled' })], nextCursor: 'c-1' });
    backend.expectOne(`${USERS}&cursor=c-1`).flush({ items: [user('u-1', 'Robin Diaz')], nextCursor: null });
    await fixture.whenStable();

    element.querySelector<HTMLElement>('mat-select .mat-mdc-select-trigger')?.click();
    await fixture.whenStable();
    expect(optionNames()).toEqual(['Robin Diaz', 'Sam Okafor']);
  });

  it('issues with the chosen user, a trimmed name and 90 days unless changed', async () => {
    await flushUsers();
    await choose('Robin Diaz');
    type('name', '  Nightly export script ');
    await submit();

    const request = backend.expectOne(TOKENS);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ userId: 'u-1', name: 'Nightly export script', expiresInDays: 90 });
    request.flush({
      id: 'tok-1',
      name: 'Nightly export script',
      role: 'supervisor',
      userId: 'u-1',
      createdAt: '2026-01-05T15:00:00.000Z',
      expiresAt: '2026-04-05T15:00:00.000Z',
      token: SECRET,
    });
    await fixture.whenStable();

    expect(element.querySelector('h2')?.textContent).toBe('Copy the token now');
    expect(element.querySelector('code.secret')?.textContent).toBe(SECRET);
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('only time the token is shown');
    expect(document.activeElement).toBe(element.querySelector('button.copy'));
    // Escape and the backdrop no longer close it: the secret would be lost without a decision.
    expect(ref.disableClose).toBe(true);
    expect(ref.close).not.toHaveBeenCalled();

    button('Done')?.click();
    const result = ref.close.mock.calls[0][0];
    expect(result).toEqual({
      issued: {
        id: 'tok-1',
        name: 'Nightly export script',
        role: 'supervisor',
        userId: 'u-1',
        userEmail: 'u-1@example.org',
        createdAt: '2026-01-05T15:00:00.000Z',
        expiresAt: '2026-04-05T15:00:00.000Z',
        lastUsedAt: null,
        revokedAt: null,
      },
    });
    expect(JSON.stringify(result)).not.toContain(SECRET);
  });

  it('copies the secret and says so', async () => {
    await flushUsers();
    await choose('Robin Diaz');
    type('name', 'Export');
    type('expiresInDays', '30');
    await submit();
    const request = backend.expectOne(TOKENS);
    expect(request.request.body.expiresInDays).toBe(30);
    request.flush({ id: 'tok-1', name: 'Export', role: 'supervisor', userId: 'u-1', createdAt: '', expiresAt: '', token: SECRET });
    await fixture.whenStable();

    element.querySelector<HTMLButtonElement>('button.copy')?.click();
    await fixture.whenStable();
    expect(copy).toHaveBeenCalledWith(SECRET);
    expect(element.querySelector('.copied')?.textContent?.trim()).toBe('Token copied.');
  });

  it.each(['0', '366', '1.5', ''])('refuses %p days without asking the API', async (days) => {
    await flushUsers();
    await choose('Robin Diaz');
    type('name', 'Export');
    type('expiresInDays', days);
    await submit();

    backend.expectNone(TOKENS);
    expect(element.querySelector('mat-error')?.textContent?.trim()).toBe('Enter a whole number of days from 1 to 365.');
  });

  it('asks for a user and a name that is more than spaces', async () => {
    await flushUsers();
    type('name', '   ');
    await submit();

    backend.expectNone(TOKENS);
    const errors = [...element.querySelectorAll('mat-error')].map((error) => error.textContent?.trim());
    expect(errors).toEqual(['Choose the user the token acts as.', 'Enter a name that says what the token is for.']);
  });

  it("shows the server's field problems under the fields and other problems above them", async () => {
    await flushUsers();
    await choose('Robin Diaz');
    type('name', 'Export');
    await submit();
    backend.expectOne(TOKENS).flush(
      { type: ProblemType.validation, title: 'Invalid', status: 400, errors: { name: ['Use a shorter name.'] } },
      { status: 400, statusText: 'Bad Request', headers: problemHeaders },
    );
    await fixture.whenStable();
    expect(element.querySelector('mat-error')?.textContent?.trim()).toBe('Use a shorter name.');

    type('name', 'Export 2');
    await submit();
    backend.expectOne(TOKENS).flush(
      { type: ProblemType.notFound, title: 'Not found', status: 404, detail: 'No such active user.' },
      { status: 404, statusText: 'Not Found', headers: problemHeaders },
    );
    await fixture.whenStable();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('No such active user.');
    expect(element.querySelector('code.secret')).toBeNull();
  });

  it('says when the users could not be loaded, and tries again', async () => {
    backend.expectOne(USERS).flush(null, { status: 500, statusText: 'Server Error' });
    await fixture.whenStable();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('The users could not be loaded.');

    button('Try again')?.click();
    await flushUsers();
    expect(element.querySelector('[role="alert"]')).toBeNull();
  });
});

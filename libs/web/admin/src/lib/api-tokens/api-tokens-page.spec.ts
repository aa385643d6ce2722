import { BreakpointObserver } from '@angular/cdk/layout';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { ApiToken, ManagedUser, SessionStore } from '@waypoint/web-auth';
import { of } from 'rxjs';
import { ApiTokensPage } from './api-tokens-page';

const TOKENS = '/api/v1/api-tokens';
const SECRET = 'wpt_synthetic-secret-for-tests-only';
const DAY_MS = 24 * 60 * 60 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();

function token(id: string, overrides: Partial<ApiToken> = {}): ApiToken {
  return {
    id,
    name: `Script ${id}`,
    role: 'supervisor',
    userId: 'u-1',
    userEmail: 'robin@example.org',
    createdAt: inDays(-10),
    expiresAt: inDays(80),
    lastUsedAt: null,
    revokedAt: null,
    ...overrides,
  };
}

const robin: ManagedUser = {
  id: 'u-1',
  email: 'robin@example.org',
  displayName: 'Robin Diaz',
  role: 'supervisor',
  teamId: null,
  teamName: null,
  status: 'active',
  mfaEnrolled: true,
  version: 1,
};

describe('ApiTokensPage', () => {
  let fixture: ComponentFixture<ApiTokensPage>;
  let backend: HttpTestingController;
  let element: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        // Dialogs close at once, so afterClosed() fires within the test.
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: SessionStore, useValue: { user: signal({ id: 'admin-1', timeZone: 'America/Chicago' }) } },
        { provide: BreakpointObserver, useValue: { observe: () => of({ matches: false, breakpoints: {} }), isMatched: () => false } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ApiTokensPage);
    element = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => {
    TestBed.inject(MatDialog).closeAll();
    backend.verify();
  });

  const rows = () =>
    [...element.querySelectorAll('tr[mat-row]')].map((row) => ({
      name: row.querySelector('.name')?.textContent?.trim(),
      status: row.querySelector('.badge')?.textContent?.trim(),
      revocable: row.querySelector('button.revoke') !== null,
    }));
  const button = (root: ParentNode, text: string) =>
    [...root.querySelectorAll<HTMLButtonElement>('button')].find((item) => item.textContent?.includes(text));
  /** Closing settles on a later task, even without animations. */
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  };

  it('shows a spinner until the list arrives, then a row per token with its status', async () => {
    expect(element.querySelector('mat-progress-spinner')).not.toBeNull();
    backend.expectOne(TOKENS).flush({
      items: [
        token('a', { lastUsedAt: inDays(-1) }),
        token('b', { expiresAt: inDays(-1) }),
        token('c', { revokedAt: inDays(-2) }),
      ],
    });
    await fixture.whenStable();

    expect(element.querySelector('mat-progress-spinner')).toBeNull();
    expect(rows()).toEqual([
      { name: 'Script a', status: 'Active', revocable: true },
      { name: 'Script b', status: 'Expired', revocable: false },
      { name: 'Script c', status: 'Revoked', revocable: false },
    ]);
    const headers = [...element.querySelectorAll('th')].map((th) => th.textContent?.trim());
    expect(headers).toEqual(['Name', 'User', 'Role', 'Created', 'Expires', 'Last used', 'Status', 'Actions']);
    const first = element.querySelector('tr[mat-row]');
    expect(first?.textContent).toContain('robin@example.org');
    expect(first?.textContent).toContain('Supervisor');
    expect(element.querySelectorAll('tr[mat-row]')[1].textContent).toContain('Never');
    expect(element.querySelector('.capped')).toBeNull();
  });

  it('says when older tokens are left out of the list', async () => {
    backend.expectOne(TOKENS).flush({ items: Array.from({ length: 100 }, (_, index) => token(`t${index}`)) });
    await fixture.whenStable();
    expect(element.querySelector('.capped')?.textContent?.trim()).toBe(
      'Showing the newest 100 tokens; older ones are not listed.',
    );
  });

  it('says so when there are no tokens', async () => {
    backend.expectOne(TOKENS).flush({ items: [] });
    await fixture.whenStable();
    expect(element.querySelector('lib-empty-state h2')?.textContent).toBe('No API tokens yet');
    expect(element.querySelector('table')).toBeNull();
  });

  it('offers to try again when the list could not be loaded', async () => {
    backend.expectOne(TOKENS).flush(null, { status: 500, statusText: 'Server Error' });
    await fixture.whenStable();
    expect(element.querySelector('lib-empty-state h2')?.textContent).toBe('The API tokens could not be loaded');

    button(element, 'Try again')?.click();
    backend.expectOne(TOKENS).flush({ items: [token('a')] });
    await fixture.whenStable();
    expect(rows().map((row) => row.name)).toEqual(['Script a']);
  });

  it('revokes only after confirmation, then shows the token as revoked', async () => {
    backend.expectOne(TOKENS).flush({ items: [token('a')] });
    await fixture.whenStable();
    const revoke = element.querySelector<HTMLButtonElement>('button.revoke');
    expect(revoke?.getAttribute('aria-label')).toBe('Revoke Script a');
    revoke?.click();
    await fixture.whenStable();

    expect(document.querySelector('lib-confirm-dialog h2')?.textContent).toBe('Revoke Script a?');
    backend.expectNone(`${TOKENS}/a/revoke`);
    document.querySelector<HTMLButtonElement>('lib-confirm-dialog button.confirm')?.click();
    await fixture.whenStable();

    const request = backend.expectOne(`${TOKENS}/a/revoke`);
    expect(request.request.method).toBe('POST');
    request.flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    expect(rows()).toEqual([{ name: 'Script a', status: 'Revoked', revocable: false }]);
    expect(element.querySelector('[role="status"]')?.textContent).toBe('Script a is revoked.');
    // The button is gone, so focus stays in its row rather than falling back to the page.
    expect(document.activeElement).toBe(element.querySelector('tr[mat-row] .name'));
  });

  it('keeps the token active when the revocation fails, and says so', async () => {
    backend.expectOne(TOKENS).flush({ items: [token('a')] });
    await fixture.whenStable();
    element.querySelector<HTMLButtonElement>('button.revoke')?.click();
    await fixture.whenStable();
    document.querySelector<HTMLButtonElement>('lib-confirm-dialog button.confirm')?.click();
    await fixture.whenStable();
    backend.expectOne(`${TOKENS}/a/revoke`).flush(null, { status: 500, statusText: 'Server Error' });
    await fixture.whenStable();

    expect(rows()).toEqual([{ name: 'Script a', status: 'Active', revocable: true }]);
    expect(element.querySelector('[role="status"]')?.textContent).toBe('Script a was not revoked.');
  });

  it('does nothing when the revocation is cancelled', async () => {
    backend.expectOne(TOKENS).flush({ items: [token('a')] });
    await fixture.whenStable();
    element.querySelector<HTMLButtonElement>('button.revoke')?.click();
    await fixture.whenStable();
    button(document.querySelector('lib-confirm-dialog') ?? document, 'Cancel')?.click();
    await settle();

    backend.expectNone(`${TOKENS}/a/revoke`);
    expect(rows()).toEqual([{ name: 'Script a', status: 'Active', revocable: true }]);
  });

  it('issues a token through the dialog, shows its secret once, and lists it without the secret', async () => {
    backend.expectOne(TOKENS).flush({ items: [token('a')] });
    await fixture.whenStable();
    button(element, 'Issue token')?.click();
    await fixture.whenStable();
    backend.expectOne('/api/v1/users?limit=100').flush({ items: [robin], nextCursor: null });
    await fixture.whenStable();

    const dialog = document.querySelector<HTMLElement>('lib-issue-api-token-dialog');
    if (!dialog) throw new Error('no dialog');
    dialog.querySelector<HTMLElement>('.mat-mdc-select-trigger')?.click();
    await fixture.whenStable();
    document.querySelector<HTMLElement>('mat-option')?.click();
    const name = dialog.querySelector<HTMLInputElement>('input[formcontrolname="name"]');
    if (!name) throw new Error('no name field');
    name.value = 'Nightly export script';
    name.dispatchEvent(new Event('input'));
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();

    const request = backend.expectOne(TOKENS);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ userId: 'u-1', name: 'Nightly export script', expiresInDays: 90 });
    request.flush({
      id: 'new',
      name: 'Nightly export script',
      role: 'supervisor',
      userId: 'u-1',
      createdAt: inDays(0),
      expiresAt: inDays(90),
      token: SECRET,
    });
    await fixture.whenStable();
    expect(dialog.querySelector('code.secret')?.textContent).toBe(SECRET);

    button(dialog, 'Done')?.click();
    await settle();

    expect(document.querySelector('lib-issue-api-token-dialog')).toBeNull();
    expect(rows()).toEqual([
      { name: 'Nightly export script', status: 'Active', revocable: true },
      { name: 'Script a', status: 'Active', revocable: true },
    ]);
    expect(element.querySelector('[role="status"]')?.textContent).toBe(
      'Issued Nightly export script for robin@example.org.',
    );
    expect(document.body.textContent).not.toContain(SECRET);
  });
});

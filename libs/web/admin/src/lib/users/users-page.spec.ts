import { BreakpointObserver } from '@angular/cdk/layout';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { ManagedUser, SessionStore } from '@waypoint/web-auth';
import { PROGRAM_TIME_ZONE, VIEWER_TIME_ZONE } from '@waypoint/web-clock';
import { of } from 'rxjs';
import { UsersPage } from './users-page';

const USERS = '/api/v1/users?limit=25';

function user(id: string, overrides: Partial<ManagedUser> = {}): ManagedUser {
  return {
    id,
    email: `${id}@example.org`,
    displayName: `Person ${id}`,
    role: 'specialist',
    teamId: 't-1',
    teamName: 'Northside Peer Team',
    status: 'active',
    mfaEnrolled: true,
    version: 1,
    ...overrides,
  };
}

describe('UsersPage', () => {
  let fixture: ComponentFixture<UsersPage>;
  let backend: HttpTestingController;
  let element: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        // Dialogs close at once, so afterClosed() fires within the test.
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: SessionStore, useValue: { user: signal({ id: 'admin-1' }) } },
        // The program is far from the admin: a lockout's end is still in the admin's own zone.
        { provide: PROGRAM_TIME_ZONE, useValue: () => 'Asia/Tokyo' },
        { provide: VIEWER_TIME_ZONE, useValue: 'America/Chicago' },
        { provide: BreakpointObserver, useValue: { observe: () => of({ matches: false, breakpoints: {} }), isMatched: () => false } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(UsersPage);
    element = fixture.nativeElement;
    await fixture.whenStable();
    backend.expectOne('/api/v1/teams').flush({ items: [{ id: 't-1', name: 'Northside Peer Team' }] });
  });

  afterEach(() => {
    TestBed.inject(MatDialog).closeAll();
    backend.verify();
  });

  const names = () => [...element.querySelectorAll('td .name')].map((cell) => cell.textContent?.trim());
  const loadMore = () =>
    [...element.querySelectorAll<HTMLButtonElement>('button')].find((button) => button.textContent?.includes('Load more'));

  it('shows a spinner until the first page arrives, then a row per user', async () => {
    expect(element.querySelector('mat-progress-spinner')).not.toBeNull();
    backend.expectOne(USERS).flush({ items: [user('a'), user('b', { status: 'disabled' })], nextCursor: null });
    await fixture.whenStable();

    expect(element.querySelector('mat-progress-spinner')).toBeNull();
    expect(names()).toEqual(['Person a', 'Person b']);
    expect(element.querySelectorAll('.badge.disabled')).toHaveLength(1);
    expect(loadMore()).toBeUndefined();
  });

  it('loads the next page with the cursor and appends it', async () => {
    backend.expectOne(USERS).flush({ items: [user('a')], nextCursor: 'cur-1' });
    await fixture.whenStable();
    loadMore()?.click();
    backend.expectOne('/api/v1/users?limit=25&cursor=cur-1').flush({ items: [user('b')], nextCursor: null });
    await fixture.whenStable();

    expect(names()).toEqual(['Person a', 'Person b']);
    expect(loadMore()).toBeUndefined();
  });

  it('says so when there are no users', async () => {
    backend.expectOne(USERS).flush({ items: [], nextCursor: null });
    await fixture.whenStable();
    expect(element.querySelector('lib-empty-state h2')?.textContent).toBe('No users yet');
  });

  it('runs a command only after confirmation, and shows the result', async () => {
    backend.expectOne(USERS).flush({ items: [user('a')], nextCursor: null });
    await fixture.whenStable();
    element.querySelector<HTMLButtonElement>('td button[aria-label="Actions for Person a"]')?.click();
    await fixture.whenStable();
    const disable = [...document.querySelectorAll<HTMLButtonElement>('[mat-menu-item]')].find((item) =>
      item.textContent?.includes('Disable'),
    );
    disable?.click();
    await fixture.whenStable();

    expect(document.querySelector('lib-confirm-dialog h2')?.textContent).toBe('Disable Person a?');
    backend.expectNone('/api/v1/users/a/disable');
    document.querySelector<HTMLButtonElement>('lib-confirm-dialog button.confirm')?.click();
    await fixture.whenStable();

    const request = backend.expectOne('/api/v1/users/a/disable');
    expect(request.request.method).toBe('POST');
    request.flush(user('a', { status: 'disabled', version: 2 }));
    await fixture.whenStable();
    expect(element.querySelector('.badge.disabled')).not.toBeNull();
    expect(element.querySelector('[role="status"]')?.textContent).toContain('Person a is disabled');
  });

  it('shows a locked-out user as "Locked until …" in the admin’s own time, and unlocks them with the version shown', async () => {
    const until = new Date(Date.now() + 12 * 60_000).toISOString();
    backend.expectOne(USERS).flush({ items: [user('a', { lockedUntil: until, version: 3 })], nextCursor: null });
    await fixture.whenStable();
    const expected = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'America/Chicago' }).format(new Date(until));
    expect(element.querySelector('.badge.locked')?.textContent?.trim()).toBe(`Locked until ${expected}`);
    expect(element.querySelector('.badge.active')).toBeNull();

    element.querySelector<HTMLButtonElement>('td button[aria-label="Actions for Person a"]')?.click();
    await fixture.whenStable();
    [...document.querySelectorAll<HTMLButtonElement>('[mat-menu-item]')].find((item) => item.textContent?.includes('Unlock'))?.click();
    await fixture.whenStable();
    expect(document.querySelector('lib-confirm-dialog h2')?.textContent).toBe('Unlock Person a?');
    document.querySelector<HTMLButtonElement>('lib-confirm-dialog button.confirm')?.click();
    await fixture.whenStable();

    const request = backend.expectOne('/api/v1/users/a/unlock');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ version: 3 });
    request.flush(user('a', { lockedUntil: null, version: 4 }));
    await fixture.whenStable();
    expect(element.querySelector('.badge.locked')).toBeNull();
    expect(element.querySelector('.badge.active')).not.toBeNull();
    expect(element.querySelector('[role="status"]')?.textContent).toContain('Person a is unlocked');
  });

  it('shows a lockout that has already ended as active, with no unlock to offer', async () => {
    backend.expectOne(USERS).flush({ items: [user('a', { lockedUntil: new Date(Date.now() - 60_000).toISOString() })], nextCursor: null });
    await fixture.whenStable();
    expect(element.querySelector('.badge.active')).not.toBeNull();
    element.querySelector<HTMLButtonElement>('td button[aria-label="Actions for Person a"]')?.click();
    await fixture.whenStable();
    const items = [...document.querySelectorAll('[mat-menu-item]')].map((item) => item.textContent ?? '');
    expect(items.some((text) => text.includes('Unlock'))).toBe(false);
  });

  it('does not offer to disable the signed-in admin themselves', async () => {
    backend.expectOne(USERS).flush({ items: [user('admin-1', { role: 'admin' })], nextCursor: null });
    await fixture.whenStable();
    element.querySelector<HTMLButtonElement>('td button')?.click();
    await fixture.whenStable();
    const items = [...document.querySelectorAll('[mat-menu-item]')].map((item) => item.textContent?.trim());
    expect(items).toEqual(['editEdit']);
  });
});

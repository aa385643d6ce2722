import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { provideRouter, Route, Router, TitleStrategy, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Role } from '@waypoint/shared-contracts';
import { SessionStore } from '@waypoint/web-auth';
import { PageTitleStrategy } from '@waypoint/web-core';
import { NAV_ITEMS } from './layout/nav-items';
import { shellRoutes } from './shell.routes';
import { fakeSessionStore, sessionUser } from './testing/fake-session-store';

/** Every route in the tree, children included. */
function allRoutes(routes: Route[]): Route[] {
  return routes.flatMap((route) => [route, ...allRoutes(route.children ?? [])]);
}

describe('shellRoutes', () => {
  it('loads every page lazily, so the first download stays small', () => {
    const pages = allRoutes(shellRoutes).filter((route) => !route.redirectTo);
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      expect(page.component).toBeUndefined();
      expect(page.loadComponent ?? page.loadChildren).toEqual(expect.any(Function));
    }
  });

  it('gives every page a title', () => {
    const pages = allRoutes(shellRoutes).filter((route) => !route.redirectTo && route.path !== '');
    for (const page of pages) expect(page.title).toEqual(expect.any(String));
  });

  it('has a route for every navigation item', () => {
    const paths = allRoutes(shellRoutes).map((route) => route.path);
    for (const item of NAV_ITEMS) expect(paths).toContain(item.path);
  });

  describe('in a router', () => {
    // The first navigation compiles a lazy page's whole module graph; on a busy 2-core CI
    // machine that took longer than Jest's default 5 s.
    jest.setTimeout(30_000);
    let harness: RouterTestingHarness;
    let store: ReturnType<typeof fakeSessionStore>;

    async function start(role: Role | null): Promise<void> {
      store = fakeSessionStore(role ? sessionUser(role) : null);
      TestBed.configureTestingModule({
        providers: [
          provideRouter(shellRoutes, withComponentInputBinding()),
          provideHttpClient(),
          provideHttpClientTesting(),
          { provide: TitleStrategy, useClass: PageTitleStrategy },
          { provide: SessionStore, useValue: store },
        ],
      });
      harness = await RouterTestingHarness.create();
    }

    const url = () => TestBed.inject(Router).url;
    const root = (): HTMLElement => harness.fixture.nativeElement;

    it('sends the root address to a specialist\'s caseload', async () => {
      await start('specialist');
      await harness.navigateByUrl('/');
      expect(url()).toBe('/caseload');
      expect(TestBed.inject(Title).getTitle()).toBe('Caseload · Waypoint');
      TestBed.inject(HttpTestingController).expectOne('/api/v1/participants?limit=25').flush({ items: [], nextCursor: null });
      await harness.fixture.whenStable();
      expect(harness.routeNativeElement?.textContent).toContain(
        'Your participants will appear here once you are assigned to them.',
      );
    });

    it('sends a clinician, whose only destination is still coming, to a start page that says what works today', async () => {
      await start('clinician');
      await harness.navigateByUrl('/');
      expect(url()).toBe('/start');
      await harness.fixture.whenStable();
      const page = root().querySelector('lib-shell-layout lib-start-page');
      expect(page?.querySelector('h1')?.textContent).toBe('Welcome, Jordan Avery');
      const links = [...(page?.querySelectorAll('a') ?? [])].map((link) => link.getAttribute('href'));
      expect(links).toEqual(['/notifications', '/account/sessions', '/account/password']);
      expect(page?.querySelector('ul.coming')?.textContent?.trim()).toBe('Referrals');
      expect(root().querySelector('lib-placeholder-page')).toBeNull();
    });

    it('sends an admin to the audit trail, not to the reports placeholder first in their navigation', async () => {
      await start('admin');
      await harness.navigateByUrl('/');
      expect(url()).toBe('/audit');
    });

    it('says plainly that referrals and reports are coming, and claims nothing about anyone\'s data', async () => {
      await start('supervisor');
      for (const path of ['/referrals', '/reports']) {
        await harness.navigateByUrl(path);
        await harness.fixture.whenStable();
        const text = root().querySelector('lib-placeholder-page')?.textContent ?? '';
        expect(text).toContain('Coming in a later release');
        expect(text).toContain('are coming in a later release.');
        expect(text).not.toMatch(/No referrals|No reports|Nothing to review|you make/);
      }
    });

    it('shows a supervisor how many notes wait in the co-sign queue on the supervision page', async () => {
      await start('supervisor');
      await harness.navigateByUrl('/supervision');
      TestBed.inject(HttpTestingController)
        .expectOne('/api/v1/notes/cosign-queue?limit=1')
        .flush({ items: [], nextCursor: null, counts: [{ authorId: 'a', authorName: 'A', awaiting: 9 }, { authorId: 'b', authorName: 'B', awaiting: 5 }] });
      await harness.fixture.whenStable();
      const page = root().querySelector('lib-supervision-page');
      expect(page?.textContent).not.toContain('Nothing to review');
      expect(page?.textContent).toContain('Supervision hours and credential renewals for your team are coming in a later release.');
      const queue = page?.querySelector('a.queue');
      expect(queue?.getAttribute('href')).toBe('/cosign');
      expect(queue?.textContent?.trim()).toBe('Open the co-sign queue (14 notes wait)');
    });

    it('sends someone signed out to sign in, remembering the page', async () => {
      await start(null);
      await harness.navigateByUrl('/supervision');
      expect(url()).toBe('/sign-in?returnTo=%2Fsupervision');
      expect(root().querySelector('lib-shell-layout')).toBeNull();
    });

    it('shows the sign-in page without the navigation shell', async () => {
      await start(null);
      await harness.navigateByUrl('/sign-in');
      expect(root().querySelector('lib-sign-in-page')).not.toBeNull();
      expect(root().querySelector('lib-shell-layout')).toBeNull();
      expect(TestBed.inject(Title).getTitle()).toBe('Sign in · Waypoint');
    });

    it('shows "not available" inside the shell for a page the role may not use', async () => {
      await start('specialist');
      await harness.navigateByUrl('/admin/users');
      expect(url()).toBe('/not-allowed?from=%2Fadmin%2Fusers');
      expect(root().querySelector('lib-shell-layout lib-not-allowed-page h1')?.textContent).toBe('Not available to you');
    });

    it('opens the audit trail of the whole program for an admin and of the team for a supervisor', async () => {
      await start('admin');
      await harness.navigateByUrl('/audit');
      expect(url()).toBe('/audit');
      expect(TestBed.inject(Title).getTitle()).toBe('Audit trail · Waypoint');
      const backend = TestBed.inject(HttpTestingController);
      backend.expectOne('/api/v1/users?limit=100').flush({ items: [], nextCursor: null });
      backend.expectOne((request) => request.url === '/api/v1/audit/events').flush({ items: [], nextCursor: null });
      await harness.fixture.whenStable();
      expect(root().querySelector('lib-shell-layout lib-audit-page h1')?.textContent).toBe('Audit trail');

      TestBed.resetTestingModule();
      await start('supervisor');
      await harness.navigateByUrl('/audit');
      TestBed.inject(HttpTestingController)
        .expectOne((request) => request.url === '/api/v1/audit/team-events')
        .flush({ items: [], nextCursor: null });
      await harness.fixture.whenStable();
      expect(root().querySelector('lib-audit-page')?.textContent).toContain('No events match these filters');
    });

    it('opens the notifications for anyone signed in, asking for them once', async () => {
      await start('clinician');
      await harness.navigateByUrl('/notifications');
      expect(url()).toBe('/notifications');
      expect(TestBed.inject(Title).getTitle()).toBe('Notifications · Waypoint');
      // The page asks; the top bar's bell leaves it to the page rather than asking as well.
      TestBed.inject(HttpTestingController).expectOne('/api/v1/notifications').flush({ items: [], unread: 0 });
      await harness.fixture.whenStable();
      expect(root().querySelector('lib-shell-layout lib-notifications-page h1')?.textContent).toBe('Notifications');
      expect(root().querySelector('lib-notifications-bell a')?.getAttribute('href')).toBe('/notifications');
    });

    it('opens the co-sign queue for a supervisor and keeps it from a specialist', async () => {
      await start('supervisor');
      await harness.navigateByUrl('/cosign');
      expect(url()).toBe('/cosign');
      expect(TestBed.inject(Title).getTitle()).toBe('Co-sign queue · Waypoint');
      TestBed.inject(HttpTestingController)
        .expectOne((request) => request.url === '/api/v1/notes/cosign-queue')
        .flush({ items: [], nextCursor: null, counts: [] });
      await harness.fixture.whenStable();
      expect(root().querySelector('lib-shell-layout lib-cosign-queue-page')?.textContent).toContain('Nothing awaiting your co-signature');

      TestBed.resetTestingModule();
      await start('specialist');
      await harness.navigateByUrl('/cosign');
      expect(url()).toBe('/not-allowed?from=%2Fcosign');
    });

    it('keeps the audit trail from a specialist', async () => {
      await start('specialist');
      await harness.navigateByUrl('/audit');
      expect(url()).toBe('/not-allowed?from=%2Faudit');
    });

    it('stops at the next page once the session has ended', async () => {
      await start('specialist');
      await harness.navigateByUrl('/caseload');
      store.end('ended');
      await harness.navigateByUrl('/referrals');
      expect(url()).toBe('/sign-in?returnTo=%2Freferrals');
    });

    it('answers an unknown address with a page-not-found page inside the shell', async () => {
      await start('specialist');
      await harness.navigateByUrl('/no/such/page');
      expect(root().querySelector('lib-shell-layout lib-not-found-page')).not.toBeNull();
      expect(root().querySelector('h1')?.textContent).toBe('Page not found');
      expect(TestBed.inject(Title).getTitle()).toBe('Page not found · Waypoint');
    });
  });
});

import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { provideRouter, Route, Router, TitleStrategy, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { PageTitleStrategy } from '@waypoint/web-core';
import { NAV_ITEMS } from './layout/nav-items';
import { shellRoutes } from './shell.routes';

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
    let harness: RouterTestingHarness;

    beforeEach(async () => {
      TestBed.configureTestingModule({
        providers: [
          provideRouter(shellRoutes, withComponentInputBinding()),
          { provide: TitleStrategy, useClass: PageTitleStrategy },
        ],
      });
      harness = await RouterTestingHarness.create();
    });

    it('sends the root address to the caseload', async () => {
      await harness.navigateByUrl('/');
      expect(TestBed.inject(Router).url).toBe('/caseload');
      expect(TestBed.inject(Title).getTitle()).toBe('Caseload · Waypoint');
      expect(harness.routeNativeElement?.textContent).toContain(
        'Your participants will appear here once you are assigned to them.',
      );
    });

    it('shows the sign-in page without the navigation shell', async () => {
      await harness.navigateByUrl('/sign-in');
      const root: HTMLElement = harness.fixture.nativeElement;
      expect(root.querySelector('lib-sign-in-page')).not.toBeNull();
      expect(root.querySelector('lib-shell-layout')).toBeNull();
      expect(TestBed.inject(Title).getTitle()).toBe('Sign in · Waypoint');
    });

    it('answers an unknown address with a page-not-found page inside the shell', async () => {
      await harness.navigateByUrl('/no/such/page');
      const root: HTMLElement = harness.fixture.nativeElement;
      expect(root.querySelector('lib-shell-layout lib-not-found-page')).not.toBeNull();
      expect(root.querySelector('h1')?.textContent).toBe('Page not found');
      expect(TestBed.inject(Title).getTitle()).toBe('Page not found · Waypoint');
    });
  });
});

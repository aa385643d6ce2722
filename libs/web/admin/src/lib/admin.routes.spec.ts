import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, computed, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Route, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Permission } from '@waypoint/shared-contracts';
import { SessionStore } from '@waypoint/web-auth';
import { adminRoutes } from './admin.routes';
import { ADMIN_SECTIONS } from './layout/admin-sections';

/** Every route in the tree, children included. */
function allRoutes(routes: Route[]): Route[] {
  return routes.flatMap((route) => [route, ...allRoutes(route.children ?? [])]);
}

@Component({ selector: 'lib-not-allowed-stub', template: '' })
class NotAllowedStub {}

describe('adminRoutes', () => {
  it('loads every page lazily and gives it a title', () => {
    const pages = allRoutes(adminRoutes).filter((route) => !route.redirectTo && route.path !== '');
    expect(pages.map((page) => page.path)).toEqual(ADMIN_SECTIONS.map((section) => section.path));
    for (const page of pages) {
      expect(page.component).toBeUndefined();
      expect(page.loadComponent).toEqual(expect.any(Function));
      expect(page.title).toEqual(expect.any(String));
      expect(page.canActivate).toHaveLength(1);
    }
  });

  describe('in a router', () => {
    let harness: RouterTestingHarness;
    let backend: HttpTestingController;

    async function start(permissions: Permission[]): Promise<void> {
      const held = signal<readonly Permission[]>(permissions);
      const store = {
        user: signal({ id: 'admin-1', timeZone: 'America/Chicago' }),
        signedIn: signal(true),
        permissions: computed(() => held()),
        can: (permission: Permission) => held().includes(permission),
        canAny: (wanted: readonly Permission[]) => wanted.some((permission) => held().includes(permission)),
      };
      TestBed.configureTestingModule({
        providers: [
          provideRouter([
            { path: 'admin', children: adminRoutes },
            { path: 'not-allowed', component: NotAllowedStub },
          ]),
          provideHttpClient(),
          provideHttpClientTesting(),
          { provide: SessionStore, useValue: store },
        ],
      });
      backend = TestBed.inject(HttpTestingController);
      harness = await RouterTestingHarness.create();
    }

    const url = () => TestBed.inject(Router).url;
    const root = (): HTMLElement => harness.fixture.nativeElement;
    const tabs = () =>
      [...root().querySelectorAll<HTMLAnchorElement>('[mat-tab-link]')].map((tab) => ({
        label: tab.textContent?.trim(),
        href: tab.getAttribute('href'),
        selected: tab.getAttribute('aria-selected'),
      }));

    it('opens on the users, with a tab for each section', async () => {
      await start(['users:manage', 'api-tokens:manage']);
      await harness.navigateByUrl('/admin');
      await harness.fixture.whenStable();
      expect(url()).toBe('/admin/users');
      expect(root().querySelector('[role="tablist"]')?.getAttribute('aria-label')).toBe('Administration');
      expect(tabs()).toEqual([
        { label: 'Users', href: '/admin/users', selected: 'true' },
        { label: 'API tokens', href: '/admin/api-tokens', selected: 'false' },
      ]);
      expect(root().querySelector('[role="tabpanel"] lib-users-page')).not.toBeNull();
    });

    it('moves to the API tokens by their tab', async () => {
      await start(['users:manage', 'api-tokens:manage']);
      await harness.navigateByUrl('/admin/users');
      root().querySelectorAll<HTMLAnchorElement>('[mat-tab-link]')[1].click();
      await harness.fixture.whenStable();

      expect(url()).toBe('/admin/api-tokens');
      expect(tabs().map((tab) => tab.selected)).toEqual(['false', 'true']);
      expect(root().querySelector('lib-api-tokens-page')).not.toBeNull();
      backend.expectOne('/api/v1/api-tokens').flush({ items: [] });
    });

    it('shows no tabs and refuses the API tokens to someone who may only manage users', async () => {
      await start(['users:manage']);
      await harness.navigateByUrl('/admin/users');
      expect(root().querySelector('[mat-tab-link]')).toBeNull();
      expect(root().querySelector('lib-users-page')).not.toBeNull();

      await harness.navigateByUrl('/admin/api-tokens');
      expect(url()).toBe('/not-allowed?from=%2Fadmin%2Fapi-tokens');
      expect(root().querySelector('lib-api-tokens-page')).toBeNull();
    });
  });
});

import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { Permission } from '@waypoint/shared-contracts';
import { SessionStore } from '../session/session.store';
import { permissionGuard, signedInGuard, signedOutGuard } from './auth.guards';

@Component({ template: '' })
class Blank {}

/** A store stand-in: signed in with these permissions, or signed out (null). */
function fakeStore(permissions: Permission[] | null) {
  return {
    signedIn: () => permissions !== null,
    canAny: (wanted: readonly Permission[]) => wanted.some((permission) => permissions?.includes(permission) ?? false),
  };
}

describe('route guards', () => {
  function setUp(permissions: Permission[] | null): Router {
    TestBed.configureTestingModule({
      providers: [
        { provide: SessionStore, useValue: fakeStore(permissions) },
        provideRouter([
          { path: 'sign-in', canActivate: [signedOutGuard], component: Blank },
          {
            path: '',
            canActivateChild: [signedInGuard],
            children: [
              { path: 'caseload', component: Blank },
              { path: 'admin/users', canActivate: [permissionGuard('users:manage')], component: Blank },
              { path: 'reports', canActivate: [permissionGuard('caseload:team', 'audit:read')], component: Blank },
              { path: 'not-allowed', component: Blank },
              { path: '', component: Blank, pathMatch: 'full' },
            ],
          },
        ]),
      ],
    });
    return TestBed.inject(Router);
  }

  it('sends someone signed out to sign in, remembering the page', async () => {
    const router = setUp(null);
    await router.navigateByUrl('/caseload?tab=due');
    expect(router.url).toBe('/sign-in?returnTo=%2Fcaseload%3Ftab%3Ddue');
  });

  it('lets someone signed in through', async () => {
    const router = setUp(['session:own', 'participants:read']);
    await router.navigateByUrl('/caseload');
    expect(router.url).toBe('/caseload');
  });

  it('sends someone already signed in from the sign-in page to their start page', async () => {
    const router = setUp(['session:own']);
    await router.navigateByUrl('/sign-in');
    expect(router.url).toBe('/');
  });

  it('shows the sign-in page to someone signed out', async () => {
    const router = setUp(null);
    await router.navigateByUrl('/sign-in');
    expect(router.url).toBe('/sign-in');
  });

  it('shows "not allowed" to a role without the permission', async () => {
    const router = setUp(['session:own', 'participants:read']);
    await router.navigateByUrl('/admin/users');
    expect(router.url).toBe('/not-allowed?from=%2Fadmin%2Fusers');
  });

  it('lets in a holder of any one of the permissions', async () => {
    const router = setUp(['session:own', 'audit:read']);
    await router.navigateByUrl('/reports');
    expect(router.url).toBe('/reports');
  });
});

import { inject } from '@angular/core';
import { Routes } from '@angular/router';
import type { Permission } from '@waypoint/shared-contracts';
import { permissionGuard, SessionStore, signedInGuard, signedOutGuard } from '@waypoint/web-auth';
import { NAV_ITEMS, START_PAGE_PATH, startPathFor } from './layout/nav-items';
import type { PlaceholderPageData } from './pages/placeholder-page';

// Every page, the layout included, is a lazy chunk, so the first load carries only the app
// root, the router and the loading bar. Placeholder pages get their words through route data
// bound to inputs (withComponentInputBinding); feature libs will replace them with loadChildren.
const placeholderPage = () => import('./pages/placeholder-page').then((m) => m.PlaceholderPage);

/** A destination's guard asks exactly what its navigation item asks, so the two never disagree. */
function allowedFor(path: string): Permission[] {
  const item = NAV_ITEMS.find((candidate) => candidate.path === path);
  if (!item) throw new Error(`No navigation item for ${path}`);
  return [...item.anyOf];
}

export const shellRoutes: Routes = [
  {
    path: 'sign-in',
    title: $localize`:Page title:Sign in`,
    canActivate: [signedOutGuard],
    loadComponent: () => import('./sign-in/sign-in-page').then((m) => m.SignInPage),
  },
  {
    path: '',
    loadComponent: () => import('./layout/shell-layout').then((m) => m.ShellLayout),
    // Child guards too: the session can end while someone moves between pages of the shell.
    canActivate: [signedInGuard],
    canActivateChild: [signedInGuard],
    children: [
      {
        path: '',
        pathMatch: 'full',
        // Redirects run before guards: someone signed out goes straight to sign in, without a
        // returnTo, and comes back here afterwards to be sent to their start page.
        redirectTo: () => {
          const store = inject(SessionStore);
          return store.signedIn() ? startPathFor(store.permissions()) : '/sign-in';
        },
      },
      {
        path: 'caseload',
        title: $localize`:Page title:Caseload`,
        canActivate: [permissionGuard(...allowedFor('caseload'))],
        loadComponent: () => import('@waypoint/web-participants').then((m) => m.CaseloadPage),
      },
      {
        path: 'tasks',
        title: $localize`:Page title:My tasks`,
        canActivate: [permissionGuard(...allowedFor('tasks'))],
        loadComponent: () => import('@waypoint/web-participants').then((m) => m.MyTasksPage),
      },
      {
        path: 'cosign',
        title: $localize`:Page title:Co-sign queue`,
        canActivate: [permissionGuard(...allowedFor('cosign'))],
        loadChildren: () => import('@waypoint/web-participants').then((m) => m.cosignRoutes),
      },
      {
        path: 'participants',
        title: $localize`:Page title:Participant`,
        loadChildren: () => import('@waypoint/web-participants').then((m) => m.participantRoutes),
      },
      {
        path: 'emergency-access',
        title: $localize`:Page title:Emergency access`,
        canActivate: [permissionGuard(...allowedFor('emergency-access'))],
        loadChildren: () => import('@waypoint/web-participants').then((m) => m.emergencyAccessRoutes),
      },
      {
        path: 'supervision',
        title: $localize`:Page title:Supervision`,
        canActivate: [permissionGuard(...allowedFor('supervision'))],
        loadComponent: () => import('./pages/supervision-page').then((m) => m.SupervisionPage),
      },
      {
        path: 'referrals',
        title: $localize`:Page title:Referrals`,
        canActivate: [permissionGuard(...allowedFor('referrals'))],
        loadComponent: placeholderPage,
        data: {
          icon: 'forward_to_inbox',
          heading: $localize`:Page title:Referrals`,
          coming: $localize`Referrals to treatment and community services, followed until the loop is closed, are coming in a later release.`,
        } satisfies PlaceholderPageData,
      },
      {
        path: 'reports',
        title: $localize`:Page title:Reports`,
        canActivate: [permissionGuard(...allowedFor('reports'))],
        loadComponent: placeholderPage,
        data: {
          icon: 'bar_chart',
          heading: $localize`:Page title:Reports`,
          coming: $localize`Reports of service activity and recovery outcomes for your program are coming in a later release.`,
        } satisfies PlaceholderPageData,
      },
      {
        path: 'audit',
        title: $localize`:Page title:Audit trail`,
        canActivate: [permissionGuard(...allowedFor('audit'))],
        loadChildren: () => import('@waypoint/web-audit').then((m) => m.auditRoutes),
      },
      {
        path: 'admin',
        title: $localize`:Page title:Admin`,
        canActivate: [permissionGuard(...allowedFor('admin'))],
        loadChildren: () => import('@waypoint/web-admin').then((m) => m.adminRoutes),
      },
      {
        // Where a role with no working page yet starts (nav-items.ts); open to everyone signed in.
        path: START_PAGE_PATH,
        title: $localize`:Page title:Start`,
        loadComponent: () => import('./pages/start-page').then((m) => m.StartPage),
      },
      {
        // Reached from the top bar's bell, not the navigation; everyone signed in has a list.
        path: 'notifications',
        title: $localize`:Page title:Notifications`,
        canActivate: [permissionGuard('session:own')],
        loadComponent: () => import('@waypoint/web-participants').then((m) => m.NotificationsPage),
      },
      {
        path: 'account/sessions',
        title: $localize`:Page title:Your sessions`,
        loadComponent: () => import('./account/sessions-page').then((m) => m.SessionsPage),
      },
      {
        path: 'account/password',
        title: $localize`:Page title:Change password`,
        loadComponent: () => import('./account/password-page').then((m) => m.PasswordPage),
      },
      {
        path: 'not-allowed',
        title: $localize`:Page title:Not available to you`,
        loadComponent: () => import('./pages/not-allowed-page').then((m) => m.NotAllowedPage),
      },
      {
        path: '**',
        title: $localize`:Page title:Page not found`,
        loadComponent: () => import('./pages/not-found-page').then((m) => m.NotFoundPage),
      },
    ],
  },
];

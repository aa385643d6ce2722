import { Routes } from '@angular/router';
import type { PlaceholderPageData } from './pages/placeholder-page';

// Every page, the layout included, is a lazy chunk, so the first load carries only the app
// root, the router and the loading bar. Placeholder pages get their words through route data
// bound to inputs (withComponentInputBinding); feature libs will replace them with loadChildren.
const placeholderPage = () => import('./pages/placeholder-page').then((m) => m.PlaceholderPage);

export const shellRoutes: Routes = [
  {
    path: 'sign-in',
    title: $localize`:Page title:Sign in`,
    loadComponent: () => import('./sign-in/sign-in-page').then((m) => m.SignInPage),
  },
  {
    path: '',
    loadComponent: () => import('./layout/shell-layout').then((m) => m.ShellLayout),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'caseload' },
      {
        path: 'caseload',
        title: $localize`:Page title:Caseload`,
        loadComponent: placeholderPage,
        data: {
          icon: 'groups',
          heading: $localize`:Page title:Caseload`,
          description: $localize`The participants you support, and who is due for a check-in.`,
          emptyHeading: $localize`No participants yet`,
          emptyMessage: $localize`Your participants will appear here once you are assigned to them.`,
        } satisfies PlaceholderPageData,
      },
      {
        path: 'supervision',
        title: $localize`:Page title:Supervision`,
        loadComponent: placeholderPage,
        data: {
          icon: 'supervisor_account',
          heading: $localize`:Page title:Supervision`,
          description: $localize`Notes to co-sign, supervision hours, and credentials for your team.`,
          emptyHeading: $localize`Nothing to review`,
          emptyMessage: $localize`Notes your team submits for co-signature will appear here, with supervision hours and upcoming credential renewals.`,
        } satisfies PlaceholderPageData,
      },
      {
        path: 'referrals',
        title: $localize`:Page title:Referrals`,
        loadComponent: placeholderPage,
        data: {
          icon: 'forward_to_inbox',
          heading: $localize`:Page title:Referrals`,
          description: $localize`Referrals to treatment and community services, followed until the loop is closed.`,
          emptyHeading: $localize`No referrals yet`,
          emptyMessage: $localize`Referrals you make to clinics, housing, and other services will appear here with their status and follow-up dates.`,
        } satisfies PlaceholderPageData,
      },
      {
        path: 'reports',
        title: $localize`:Page title:Reports`,
        loadComponent: placeholderPage,
        data: {
          icon: 'bar_chart',
          heading: $localize`:Page title:Reports`,
          description: $localize`Service activity and recovery outcomes for your program.`,
          emptyHeading: $localize`No reports yet`,
          emptyMessage: $localize`Contacts, billable units, and recovery capital trends will appear here once notes are signed.`,
        } satisfies PlaceholderPageData,
      },
      {
        path: 'admin',
        title: $localize`:Page title:Admin`,
        loadComponent: placeholderPage,
        data: {
          icon: 'admin_panel_settings',
          heading: $localize`:Page title:Admin`,
          description: $localize`Users, teams, and the provider directory for your program.`,
          emptyHeading: $localize`Nothing to manage yet`,
          emptyMessage: $localize`Users, teams, and the organizations you refer to will be managed here.`,
        } satisfies PlaceholderPageData,
      },
      {
        path: '**',
        title: $localize`:Page title:Page not found`,
        loadComponent: () => import('./pages/not-found-page').then((m) => m.NotFoundPage),
      },
    ],
  },
];

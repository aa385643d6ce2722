import { Routes } from '@angular/router';

/** Mounted under `/admin` by the shell, behind its `users:manage` guard. */
export const adminRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'users' },
  {
    path: 'users',
    title: $localize`:Page title:Users`,
    loadComponent: () => import('./users/users-page').then((m) => m.UsersPage),
  },
];

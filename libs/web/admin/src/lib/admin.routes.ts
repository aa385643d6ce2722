import { Routes } from '@angular/router';
import { permissionGuard } from '@waypoint/web-auth';
import { sectionPermission } from './layout/admin-sections';

/**
 * Mounted under `/admin` by the shell, behind its `users:manage` guard. Each section's guard
 * also asks the permission that shows its link in the admin layout.
 */
export const adminRoutes: Routes = [
  {
    path: '',
    loadComponent: () => import('./layout/admin-layout').then((m) => m.AdminLayout),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'users' },
      {
        path: 'users',
        title: $localize`:Page title:Users`,
        canActivate: [permissionGuard(sectionPermission('users'))],
        loadComponent: () => import('./users/users-page').then((m) => m.UsersPage),
      },
      {
        path: 'api-tokens',
        title: $localize`:Page title:API tokens`,
        canActivate: [permissionGuard(sectionPermission('api-tokens'))],
        loadComponent: () => import('./api-tokens/api-tokens-page').then((m) => m.ApiTokensPage),
      },
      {
        path: 'notes',
        title: $localize`:Page title:Note settings`,
        canActivate: [permissionGuard(sectionPermission('notes'))],
        loadComponent: () => import('./note-settings/note-settings-page').then((m) => m.NoteSettingsPage),
      },
    ],
  },
];

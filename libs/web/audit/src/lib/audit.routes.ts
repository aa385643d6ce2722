import type { Routes } from '@angular/router';

/**
 * `/audit`: mounted by the shell behind `audit:read` or `caseload:team`; the page picks the
 * program's or the team's report from the same permissions.
 */
export const auditRoutes: Routes = [
  {
    path: '',
    title: $localize`:Page title:Audit trail`,
    loadComponent: () => import('./page/audit-page').then((m) => m.AuditPage),
  },
];

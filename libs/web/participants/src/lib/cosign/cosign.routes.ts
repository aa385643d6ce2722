import type { Routes } from '@angular/router';

/** `/cosign`: the supervisor's co-sign queue, a chunk of its own (the shell guards it with `notes:cosign`). */
export const cosignRoutes: Routes = [
  {
    path: '',
    title: $localize`:Page title:Co-sign queue`,
    loadComponent: () => import('./cosign-queue-page').then((m) => m.CosignQueuePage),
  },
];

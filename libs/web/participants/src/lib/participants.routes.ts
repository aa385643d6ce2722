import type { Routes } from '@angular/router';
import { permissionGuard } from '@waypoint/web-auth';

/** `/participants/…`: intake of a new participant, and one participant of the caller's caseload. */
export const participantRoutes: Routes = [
  {
    // Before `:id`, which would otherwise take "new" for a participant id.
    path: 'new',
    title: $localize`:Page title:New participant`,
    canActivate: [permissionGuard('participants:write')],
    loadComponent: () => import('./intake/intake-page').then((m) => m.IntakePage),
  },
  {
    path: ':id',
    title: $localize`:Page title:Participant`,
    canActivate: [permissionGuard('participants:read')],
    loadComponent: () => import('./participant/participant-page').then((m) => m.ParticipantPage),
  },
  {
    path: ':id/plan',
    title: $localize`:Page title:Recovery plan`,
    canActivate: [permissionGuard('participants:read')],
    loadComponent: () => import('./plan/recovery-plan-page').then((m) => m.RecoveryPlanPage),
  },
  {
    path: ':id/assessments',
    title: $localize`:Page title:Assessments`,
    canActivate: [permissionGuard('participants:read')],
    loadComponent: () => import('./assessments/assessments-page').then((m) => m.AssessmentsPage),
  },
  {
    path: ':id/assessments/new',
    title: $localize`:Page title:Record a BARC-10`,
    canActivate: [permissionGuard('participants:write')],
    loadComponent: () => import('./assessments/assessment-form-page').then((m) => m.AssessmentFormPage),
  },
];

/** `/emergency-access/…`: break-glass request, the record it opens, and the review list. */
export const emergencyAccessRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: $localize`:Page title:Emergency access`,
    canActivate: [permissionGuard('break-glass:request')],
    loadComponent: () => import('./emergency/emergency-request-page').then((m) => m.EmergencyRequestPage),
  },
  {
    path: 'participants/:id',
    title: $localize`:Page title:Emergency access`,
    canActivate: [permissionGuard('break-glass:request')],
    loadComponent: () => import('./emergency/emergency-participant-page').then((m) => m.EmergencyParticipantPage),
  },
  {
    path: 'reviews',
    title: $localize`:Page title:Emergency access reviews`,
    canActivate: [permissionGuard('break-glass:review')],
    loadComponent: () => import('./emergency/emergency-reviews-page').then((m) => m.EmergencyReviewsPage),
  },
];

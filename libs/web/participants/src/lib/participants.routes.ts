import type { Routes } from '@angular/router';
import { permissionGuard } from '@waypoint/web-auth';
import { participantTabId } from './participant/participant-tab-id';

/**
 * `/participants/…`: intake of a new participant, and one participant of the caller's caseload
 * with their tabs: `/participants/:id` (overview), `…/notes` (with `…/notes/new` and `…/notes/:noteId`), `…/timeline`,
 * `…/plan`, `…/assessments`, `…/tasks`.
 */
export const participantRoutes: Routes = [
  {
    // Before `:id`, which would otherwise take "new" for a participant id.
    path: 'new',
    title: $localize`:Page title:New participant`,
    canActivate: [permissionGuard('participants:write')],
    loadComponent: () => import('./intake/intake-page').then((m) => m.IntakePage),
  },
  {
    // Group sessions: record one (`group-sessions/new`) and see the notes it made (`group-sessions/:id`).
    // Before `:id`, which would otherwise take "group-sessions" for a participant id.
    path: 'group-sessions',
    children: [
      {
        path: 'new',
        title: $localize`:Page title:Record a group session`,
        canActivate: [permissionGuard('participants:write')],
        loadComponent: () => import('./group-session/group-session-page').then((m) => m.GroupSessionPage),
      },
      {
        path: ':id',
        title: $localize`:Page title:Group session`,
        canActivate: [permissionGuard('participants:read')],
        loadComponent: () => import('./group-session/group-session-result-page').then((m) => m.GroupSessionResultPage),
      },
    ],
  },
  {
    // Outside the shell: a full-page form with its own way back. Before `:id`, which would otherwise try it as a tab.
    path: ':id/assessments/new',
    title: $localize`:Page title:Record a BARC-10`,
    canActivate: [permissionGuard('participants:write')],
    loadComponent: () => import('./assessments/assessment-form-page').then((m) => m.AssessmentFormPage),
  },
  {
    // One participant: the shell loads them once and shows the header and tabs; each tab is a child route.
    path: ':id',
    canActivate: [permissionGuard('participants:read')],
    loadComponent: () => import('./participant/participant-shell').then((m) => m.ParticipantShell),
    children: [
      {
        path: '',
        title: $localize`:Page title:Participant`,
        loadComponent: () => import('./participant/participant-overview').then((m) => m.ParticipantOverview),
      },
      {
        path: 'timeline',
        title: $localize`:Page title:Timeline`,
        resolve: { id: participantTabId },
        loadComponent: () => import('./timeline/timeline-tab').then((m) => m.TimelineTab),
      },
      {
        path: 'plan',
        title: $localize`:Page title:Recovery plan`,
        resolve: { id: participantTabId },
        loadComponent: () => import('./plan/recovery-plan-page').then((m) => m.RecoveryPlanPage),
      },
      {
        path: 'assessments',
        title: $localize`:Page title:Assessments`,
        resolve: { id: participantTabId },
        loadComponent: () => import('./assessments/assessments-page').then((m) => m.AssessmentsPage),
      },
      {
        path: 'tasks',
        title: $localize`:Page title:Tasks`,
        resolve: { id: participantTabId },
        loadComponent: () => import('./participant-tasks/participant-tasks-tab').then((m) => m.ParticipantTasksTab),
      },
      {
        path: 'notes',
        title: $localize`:Page title:Session notes`,
        resolve: { id: participantTabId },
        loadComponent: () => import('./notes/notes-tab').then((m) => m.NotesTab),
      },
      {
        // Before `notes/:noteId`, which would otherwise take "new" for a note id.
        path: 'notes/new',
        title: $localize`:Page title:New session note`,
        canActivate: [permissionGuard('participants:write')],
        resolve: { id: participantTabId },
        loadComponent: () => import('./notes/note-page').then((m) => m.NotePage),
      },
      {
        path: 'notes/:noteId',
        title: $localize`:Page title:Session note`,
        resolve: { id: participantTabId },
        loadComponent: () => import('./notes/note-page').then((m) => m.NotePage),
      },
      // Tabs of later issues; add each to TABS in participant-shell.ts when it lands.
      // { path: 'referrals', title: $localize`:Page title:Referrals`, resolve: { id: participantTabId }, loadComponent: () => import('./referrals/referrals-tab').then((m) => m.ReferralsTab) },
      // { path: 'consents', title: $localize`:Page title:Consents`, resolve: { id: participantTabId }, loadComponent: () => import('./consents/consents-tab').then((m) => m.ConsentsTab) },
    ],
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

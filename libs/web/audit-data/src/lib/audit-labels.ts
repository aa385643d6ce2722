import type { AuditAction } from '@waypoint/shared-contracts';
import type { AuditOutcome } from './audit.models';

/**
 * Audit actions in words, one for every action the API can write (`AUDIT_ACTIONS` in shared
 * contracts: a new action without words here does not compile). Each names the attempt; the
 * outcome says whether it succeeded, so "Sign in: password step" with "Denied" reads as a
 * wrong password.
 */
const ACTIONS: Record<AuditAction, string> = {
  'participant.list': $localize`:Audit action:View the list of participants`,
  'participant.read': $localize`:Audit action:View a participant record`,
  'participant.create': $localize`:Audit action:Add a participant`,
  'participant.update': $localize`:Audit action:Change a participant's details`,
  'participant.status-change': $localize`:Audit action:Change a participant's status`,
  'participant.status-history': $localize`:Audit action:View a participant's status history`,
  'participant.risk-flag': $localize`:Audit action:Set or clear the high-risk flag`,
  'participant.duplicate-check': $localize`:Audit action:Check whether a new participant is already enrolled`,
  'participant.access-history': $localize`:Audit action:View who accessed a record`,
  'participant.break-glass-read': $localize`:Audit action:View a record with emergency access`,
  'assignment.list': $localize`:Audit action:View a participant's care team`,
  'assignment.create': $localize`:Audit action:Assign a participant to a specialist`,
  'care-team.specialists': $localize`:Audit action:View who participants can be assigned to`,
  'assessment.list': $localize`:Audit action:View recovery assessments`,
  'assessment.create': $localize`:Audit action:Record a recovery assessment`,
  'timeline.read': $localize`:Audit action:View a participant's timeline`,
  'safety.list': $localize`:Audit action:View safety events`,
  'safety.record': $localize`:Audit action:Record a safety event`,
  'task.list': $localize`:Audit action:View tasks`,
  'task.create': $localize`:Audit action:Add a task`,
  'task.update': $localize`:Audit action:Change a task`,
  'plan.read': $localize`:Audit action:View a recovery plan`,
  'goal.create': $localize`:Audit action:Add a recovery goal`,
  'goal.update': $localize`:Audit action:Change a recovery goal`,
  'goal.status-change': $localize`:Audit action:Change a goal's status`,
  'goal.step-add': $localize`:Audit action:Add a step to a goal`,
  'goal.step-update': $localize`:Audit action:Change a step of a goal`,
  'goal.steps-reorder': $localize`:Audit action:Reorder a goal's steps`,
  'goal.progress': $localize`:Audit action:Record progress on a goal`,
  'note.list': $localize`:Audit action:View a participant's session notes`,
  'note.mine': $localize`:Audit action:View own notes to finish`,
  'note.read': $localize`:Audit action:View a session note`,
  'note.create': $localize`:Audit action:Start a session note`,
  'note.update': $localize`:Audit action:Edit a session note`,
  'note.submit': $localize`:Audit action:Submit a note for review`,
  'note.sign': $localize`:Audit action:Sign a session note`,
  'note.cosign': $localize`:Audit action:Co-sign a session note`,
  'note.cosign-queue': $localize`:Audit action:View notes waiting for co-signature`,
  'note.return': $localize`:Audit action:Return a note to its author`,
  'note.addendum': $localize`:Audit action:Add an addendum to a signed note`,
  'group-session.create': $localize`:Audit action:Record a group session`,
  'group-session.read': $localize`:Audit action:View a group session`,
  'notification.list': $localize`:Audit action:View own notifications`,
  'notification.read': $localize`:Audit action:Mark a notification as read`,
  'break-glass.grant': $localize`:Audit action:Open emergency access`,
  'break-glass.review': $localize`:Audit action:Review emergency access`,
  'break-glass.list-grants': $localize`:Audit action:View emergency access waiting for review`,
  'break-glass.list-active': $localize`:Audit action:Show own emergency access banner`,
  'auth.password': $localize`:Audit action:Sign in: password step`,
  'auth.mfa': $localize`:Audit action:Sign in: verification code step`,
  'auth.sign-in': $localize`:Audit action:Sign in`,
  'auth.lockout': $localize`:Audit action:Account locked after failed sign-ins`,
  'auth.sign-out': $localize`:Audit action:Sign out`,
  'auth.refresh-token-reuse': $localize`:Audit action:Reuse of an old sign-in token`,
  'auth.password-change': $localize`:Audit action:Change own password`,
  'auth.session-end': $localize`:Audit action:End one of own sessions`,
  'access.denied': $localize`:Audit action:Request without permission`,
  'user.list': $localize`:Audit action:List users`,
  'user.read': $localize`:Audit action:View a user`,
  'user.create': $localize`:Audit action:Add a user`,
  'user.update': $localize`:Audit action:Change a user`,
  'user.role-change': $localize`:Audit action:Change a user's role`,
  'user.disable': $localize`:Audit action:Disable a user`,
  'user.enable': $localize`:Audit action:Enable a user`,
  'user.reset-mfa': $localize`:Audit action:Reset a user's two-step verification`,
  'user.sign-out-everywhere': $localize`:Audit action:Sign a user out everywhere`,
  'user.unlock': $localize`:Audit action:Unlock a user's account`,
  'api-token.list': $localize`:Audit action:List API tokens`,
  'api-token.issue': $localize`:Audit action:Issue an API token`,
  'api-token.revoke': $localize`:Audit action:Revoke an API token`,
  'program.note-settings.update': $localize`:Audit action:Change note settings`,
  'audit.search': $localize`:Audit action:Search the audit trail`,
  'audit.search-team': $localize`:Audit action:Search the team's audit trail`,
  'audit.export': $localize`:Audit action:Export the audit trail`,
  'audit.verify': $localize`:Audit action:Verify the audit chain`,
  'audit.retention': $localize`:Audit action:Remove audit records past retention`,
};

/** The action codes that have words, for choosing one in a filter. */
export const KNOWN_AUDIT_ACTIONS: readonly string[] = Object.keys(ACTIONS);

const OUTCOMES: Record<AuditOutcome, string> = {
  success: $localize`:Audit outcome:Succeeded`,
  denied: $localize`:Audit outcome:Denied`,
  error: $localize`:Audit outcome:Failed`,
};

const words = (code: string) => code.replace(/[-_]+/g, ' ').trim();

/**
 * An action in words. A code without words yet (a newer API) is still shown readably:
 * `report.run-monthly` becomes "Report: run monthly".
 */
export function actionLabel(action: string): string {
  const known = (ACTIONS as Record<string, string | undefined>)[action];
  if (known) return known;
  const dot = action.indexOf('.');
  const area = words(dot < 0 ? action : action.slice(0, dot));
  const rest = dot < 0 ? '' : words(action.slice(dot + 1));
  const capitalised = area.charAt(0).toUpperCase() + area.slice(1);
  return rest ? `${capitalised}: ${rest}` : capitalised;
}

export function outcomeLabel(outcome: AuditOutcome): string {
  return OUTCOMES[outcome] ?? outcome;
}

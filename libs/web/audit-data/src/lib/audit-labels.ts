import type { AuditOutcome } from './audit.models';

/**
 * Audit actions in words. Each names the attempt; the outcome says whether it succeeded, so
 * "Sign in" with "Denied" reads as a failed sign-in.
 */
const ACTIONS: Record<string, string> = {
  'participant.read': $localize`:Audit action:View a participant record`,
  'participant.list': $localize`:Audit action:List participants`,
  'participant.break-glass-read': $localize`:Audit action:View a record with emergency access`,
  'participant.access-history': $localize`:Audit action:View who accessed a record`,
  'break-glass.grant': $localize`:Audit action:Open emergency access`,
  'break-glass.review': $localize`:Audit action:Review emergency access`,
  'break-glass.list-grants': $localize`:Audit action:List emergency access reviews`,
  'break-glass.list-active': $localize`:Audit action:Check own emergency access`,
  'auth.sign-in': $localize`:Audit action:Sign in`,
  'auth.password': $localize`:Audit action:Change password`,
  'auth.mfa': $localize`:Audit action:Two-step verification`,
  'auth.lockout': $localize`:Audit action:Account locked after failed sign-ins`,
  'auth.sign-out': $localize`:Audit action:Sign out`,
  'auth.refresh-token-reuse': $localize`:Audit action:Reuse of an old sign-in token`,
  'access.denied': $localize`:Audit action:Request without permission`,
  'user.create': $localize`:Audit action:Add a user`,
  'user.update': $localize`:Audit action:Change a user`,
  'user.role-change': $localize`:Audit action:Change a user's role`,
  'user.disable': $localize`:Audit action:Disable a user`,
  'user.enable': $localize`:Audit action:Enable a user`,
  'user.reset-mfa': $localize`:Audit action:Reset a user's two-step verification`,
  'user.sign-out-everywhere': $localize`:Audit action:Sign a user out everywhere`,
  'user.unlock': $localize`:Audit action:Unlock a user locked out by failed sign-ins`,
  'user.read': $localize`:Audit action:View a user`,
  'user.list': $localize`:Audit action:List users`,
  'api-token.issue': $localize`:Audit action:Issue an API token`,
  'api-token.revoke': $localize`:Audit action:Revoke an API token`,
  'api-token.list': $localize`:Audit action:List API tokens`,
  'audit.search': $localize`:Audit action:Search the audit trail`,
  'audit.search-team': $localize`:Audit action:Search the team's audit trail`,
  'audit.export': $localize`:Audit action:Export the audit trail`,
  'audit.verify': $localize`:Audit action:Verify the audit chain`,
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
  const known = ACTIONS[action];
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

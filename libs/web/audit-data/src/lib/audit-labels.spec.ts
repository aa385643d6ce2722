import { AUDIT_ACTIONS } from '@waypoint/shared-contracts';
import { actionLabel, KNOWN_AUDIT_ACTIONS, outcomeLabel } from './audit-labels';

describe('audit labels', () => {
  it('puts the known actions into words', () => {
    expect(actionLabel('participant.read')).toBe('View a participant record');
    expect(actionLabel('participant.break-glass-read')).toBe('View a record with emergency access');
    expect(actionLabel('auth.refresh-token-reuse')).toBe('Reuse of an old sign-in token');
    expect(actionLabel('api-token.revoke')).toBe('Revoke an API token');
    for (const action of KNOWN_AUDIT_ACTIONS) expect(actionLabel(action)).not.toContain('.');
  });

  it('has words for every action the API can write, and for nothing else', () => {
    // The fallback ("Area: rest") is for a newer API than this dashboard, never for a known one.
    expect([...KNOWN_AUDIT_ACTIONS].sort()).toEqual([...AUDIT_ACTIONS].sort());
    const labels = AUDIT_ACTIONS.map(actionLabel);
    expect(new Set(labels).size).toBe(labels.length); // two actions never read the same
  });

  it('says which sign-in step an event was, and no jargon', () => {
    expect(actionLabel('auth.password')).toBe('Sign in: password step');
    expect(actionLabel('auth.mfa')).toBe('Sign in: verification code step');
    expect(actionLabel('auth.password-change')).toBe('Change own password');
    expect(actionLabel('note.cosign-queue')).toBe('View notes waiting for co-signature');
    for (const label of AUDIT_ACTIONS.map(actionLabel)) expect(label).not.toMatch(/queue|cosign|break-glass|mfa|api-token/i);
  });

  it('shows an action it does not know readably', () => {
    expect(actionLabel('report.run-monthly')).toBe('Report: run monthly');
    expect(actionLabel('care-plan.sign')).toBe('Care plan: sign');
    expect(actionLabel('heartbeat')).toBe('Heartbeat');
  });

  it('names the outcomes', () => {
    expect(outcomeLabel('success')).toBe('Succeeded');
    expect(outcomeLabel('denied')).toBe('Denied');
    expect(outcomeLabel('error')).toBe('Failed');
  });
});

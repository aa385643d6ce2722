import { actionLabel, KNOWN_AUDIT_ACTIONS, outcomeLabel } from './audit-labels';

describe('audit labels', () => {
  it('puts the known actions into words', () => {
    expect(actionLabel('participant.read')).toBe('View a participant record');
    expect(actionLabel('participant.break-glass-read')).toBe('View a record with emergency access');
    expect(actionLabel('auth.refresh-token-reuse')).toBe('Reuse of an old sign-in token');
    expect(actionLabel('api-token.revoke')).toBe('Revoke an API token');
    for (const action of KNOWN_AUDIT_ACTIONS) expect(actionLabel(action)).not.toContain('.');
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

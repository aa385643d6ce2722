import { AUDIT_ACTIONS } from '@waypoint/shared-contracts';
import { actionGroups } from './audit-filters';

describe('action groups of the audit filter', () => {
  it('offers every action the API can write, each once', () => {
    const offered = actionGroups('program').flatMap((group) => group.actions);
    expect([...offered].sort()).toEqual([...AUDIT_ACTIONS].sort());
  });

  it('offers a team report only the areas about participants', () => {
    expect(actionGroups('team').map((group) => group.label)).toEqual(['Participants', 'Care and recovery plans', 'Session notes', 'Emergency access']);
  });
});

import { Roles } from '@waypoint/shared-contracts';
import { roleLabel } from './role-label';

describe('roleLabel', () => {
  it('names every role in words', () => {
    expect(Roles.map(roleLabel)).toEqual(['Peer recovery specialist', 'Supervisor', 'Clinician', 'Program administrator']);
  });

  it('shows an unknown role as it is', () => {
    expect(roleLabel('auditor')).toBe('auditor');
  });
});

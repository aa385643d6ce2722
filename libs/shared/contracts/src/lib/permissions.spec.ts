import { Permissions, ROLE_PERMISSIONS, roleCan } from './permissions';
import { Roles } from './roles';

describe('permission map', () => {
  it('gives every role its own session management and nothing undeclared', () => {
    for (const role of Roles) {
      expect(roleCan(role, 'session:own')).toBe(true);
      for (const permission of ROLE_PERMISSIONS[role]) expect(Permissions).toContain(permission);
    }
  });

  it('keeps clinical content away from admins and clinicians', () => {
    expect(roleCan('admin', 'participants:read')).toBe(false);
    expect(roleCan('clinician', 'participants:read')).toBe(false);
    expect(roleCan('admin', 'users:manage')).toBe(true);
  });

  it('denies unknown roles everything', () => {
    expect(roleCan('superuser', 'session:own')).toBe(false);
    expect(roleCan('__proto__', 'session:own')).toBe(false);
  });
});

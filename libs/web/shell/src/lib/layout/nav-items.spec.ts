import { ROLE_PERMISSIONS } from '@waypoint/shared-contracts';
import { NAV_ITEMS, navItemsFor, startPathFor } from './nav-items';

const pathsFor = (role: keyof typeof ROLE_PERMISSIONS) => navItemsFor(ROLE_PERMISSIONS[role]).map((item) => item.path);

describe('navigation by permission', () => {
  it('shows a specialist their caseload and referrals', () => {
    expect(pathsFor('specialist')).toEqual(['caseload', 'tasks', 'referrals']);
  });

  it('adds the co-sign queue, supervision, reports, the audit trail and emergency access for a supervisor', () => {
    expect(pathsFor('supervisor')).toEqual(['caseload', 'tasks', 'cosign', 'supervision', 'referrals', 'reports', 'audit', 'emergency-access']);
  });

  it('shows the co-sign queue only to those who may co-sign notes', () => {
    expect(navItemsFor(['notes:cosign']).map((item) => item.path)).toEqual(['cosign']);
    expect(navItemsFor(['participants:read', 'participants:write', 'caseload:team']).map((item) => item.path)).not.toContain('cosign');
  });

  it('shows a clinician only referrals (received ones)', () => {
    expect(pathsFor('clinician')).toEqual(['referrals']);
  });

  it('shows an admin reports, the audit trail, admin and emergency access, and no clinical pages', () => {
    expect(pathsFor('admin')).toEqual(['reports', 'audit', 'admin', 'emergency-access']);
  });

  it('shows the audit trail to whoever may read the program\'s or the team\'s trail', () => {
    expect(navItemsFor(['audit:read']).map((item) => item.path)).toContain('audit');
    expect(navItemsFor(['caseload:team']).map((item) => item.path)).toContain('audit');
    expect(navItemsFor(['participants:read', 'break-glass:review']).map((item) => item.path)).not.toContain('audit');
  });

  it('shows nothing without permissions', () => {
    expect(navItemsFor([])).toEqual([]);
    expect(navItemsFor(['session:own'])).toEqual([]);
  });

  it('starts each role on its first working destination, never on a page whose feature is still coming', () => {
    expect(startPathFor(ROLE_PERMISSIONS.specialist)).toBe('/caseload');
    expect(startPathFor(ROLE_PERMISSIONS.supervisor)).toBe('/caseload');
    // Reports comes first in an admin's navigation but is not built yet.
    expect(startPathFor(ROLE_PERMISSIONS.admin)).toBe('/audit');
    // Referrals is a clinician's only destination and is not built yet: the start page says so.
    expect(startPathFor(ROLE_PERMISSIONS.clinician)).toBe('/start');
    expect(startPathFor(['session:own'])).toBe('/start');
  });

  it('lands no role on a placeholder', () => {
    const placeholders = NAV_ITEMS.filter((item) => item.comingLater).map((item) => `/${item.path}`);
    expect(placeholders).toEqual(['/supervision', '/referrals', '/reports']);
    for (const permissions of Object.values(ROLE_PERMISSIONS)) expect(placeholders).not.toContain(startPathFor(permissions));
  });
});

import type { Role } from './roles';

/**
 * Everything a route or a screen may require, as data shared by the API guards and the
 * dashboard (which hides what a user may not do). Object-level scope (which participants)
 * is applied in the data layer on top of these.
 */
export const Permissions = [
  'session:own', // see and end one's own sessions, change one's password, manage one's MFA
  'participants:read',
  'participants:write',
  'participants:assign', // assign and transfer participants between specialists
  'caseload:team', // see the caseloads of one's team (supervisors)
  'notes:cosign',
  'referrals:receive', // clinicians: referrals addressed to their organization
  'break-glass:request',
  'break-glass:review',
  'users:manage',
  'program:configure', // the program's settings, e.g. how its notes are written
  'api-tokens:manage',
  'audit:read',
] as const;
export type Permission = (typeof Permissions)[number];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  specialist: ['session:own', 'participants:read', 'participants:write'],
  supervisor: [
    'session:own',
    'participants:read',
    'participants:write',
    'participants:assign',
    'caseload:team',
    'notes:cosign',
    'break-glass:request',
    'break-glass:review',
  ],
  clinician: ['session:own', 'referrals:receive'],
  // Admins manage people and read the audit trail; they read no clinical content unless they
  // use break-glass for a stated reason.
  admin: ['session:own', 'users:manage', 'program:configure', 'participants:assign', 'api-tokens:manage', 'audit:read', 'break-glass:request', 'break-glass:review'],
};

/** Whether a role holds a permission. Unknown roles hold nothing (deny by default). */
export function roleCan(role: string, permission: Permission): boolean {
  if (!Object.hasOwn(ROLE_PERMISSIONS, role)) return false;
  return ROLE_PERMISSIONS[role as Role].includes(permission);
}

import type { Permission } from '@waypoint/shared-contracts';

/** One destination in the main navigation. */
export interface NavItem {
  /** Route path under the shell, without a leading slash. */
  path: string;
  /** A Material Symbols name. */
  icon: string;
  label: string;
  /** Shown to holders of any one of these; the route's guard asks the same. */
  anyOf: readonly Permission[];
}

/** The main navigation, in the order people reach for it. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: 'caseload', icon: 'groups', label: $localize`:Main navigation item:Caseload`, anyOf: ['participants:read'] },
  { path: 'tasks', icon: 'task_alt', label: $localize`:Main navigation item:My tasks`, anyOf: ['participants:read'] },
  { path: 'cosign', icon: 'draw', label: $localize`:Main navigation item:Co-sign queue`, anyOf: ['notes:cosign'] },
  {
    path: 'supervision',
    icon: 'supervisor_account',
    label: $localize`:Main navigation item:Supervision`,
    anyOf: ['caseload:team'],
  },
  {
    path: 'referrals',
    icon: 'forward_to_inbox',
    label: $localize`:Main navigation item:Referrals`,
    anyOf: ['participants:read', 'referrals:receive'],
  },
  { path: 'reports', icon: 'bar_chart', label: $localize`:Main navigation item:Reports`, anyOf: ['caseload:team', 'audit:read'] },
  {
    path: 'audit',
    icon: 'policy',
    label: $localize`:Main navigation item:Audit trail`,
    anyOf: ['audit:read', 'caseload:team'],
  },
  { path: 'admin', icon: 'admin_panel_settings', label: $localize`:Main navigation item:Admin`, anyOf: ['users:manage'] },
  {
    path: 'emergency-access',
    icon: 'emergency',
    label: $localize`:Main navigation item:Emergency access`,
    anyOf: ['break-glass:request', 'break-glass:review'],
  },
];

/** The destinations someone holding `permissions` may use, in navigation order. */
export function navItemsFor(permissions: readonly Permission[]): NavItem[] {
  const held = new Set(permissions);
  return NAV_ITEMS.filter((item) => item.anyOf.some((permission) => held.has(permission)));
}

/** Where someone lands after signing in: the first destination they may use. */
export function startPathFor(permissions: readonly Permission[]): string {
  return `/${navItemsFor(permissions)[0]?.path ?? 'account/sessions'}`;
}

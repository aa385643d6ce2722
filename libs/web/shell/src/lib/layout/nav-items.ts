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
  /**
   * The page only says its feature is coming: it stays in the navigation so people know it is
   * planned, but nobody is sent there to start their day.
   */
  comingLater?: true;
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
    comingLater: true,
  },
  {
    path: 'referrals',
    icon: 'forward_to_inbox',
    label: $localize`:Main navigation item:Referrals`,
    anyOf: ['participants:read', 'referrals:receive'],
    comingLater: true,
  },
  {
    path: 'reports',
    icon: 'bar_chart',
    label: $localize`:Main navigation item:Reports`,
    anyOf: ['caseload:team', 'audit:read'],
    comingLater: true,
  },
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

/** The path of the page that tells someone what they can do today (see pages/start-page.ts). */
export const START_PAGE_PATH = 'start';

/**
 * Where someone lands after signing in: the first working destination they may use, never a
 * page whose feature is still coming; with none, the page that says what they can do today.
 */
export function startPathFor(permissions: readonly Permission[]): string {
  const working = navItemsFor(permissions).find((item) => !item.comingLater);
  return `/${working?.path ?? START_PAGE_PATH}`;
}

/** One destination in the main navigation. */
export interface NavItem {
  /** Route path under the shell, without a leading slash. */
  path: string;
  /** A Material Symbols name. */
  icon: string;
  label: string;
}

/** The main navigation, in the order people reach for it. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: 'caseload', icon: 'groups', label: $localize`:Main navigation item:Caseload` },
  { path: 'supervision', icon: 'supervisor_account', label: $localize`:Main navigation item:Supervision` },
  { path: 'referrals', icon: 'forward_to_inbox', label: $localize`:Main navigation item:Referrals` },
  { path: 'reports', icon: 'bar_chart', label: $localize`:Main navigation item:Reports` },
  { path: 'admin', icon: 'admin_panel_settings', label: $localize`:Main navigation item:Admin` },
];

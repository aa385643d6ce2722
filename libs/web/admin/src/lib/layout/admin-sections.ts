import type { Permission } from '@waypoint/shared-contracts';

/** One section of the admin area. */
export interface AdminSection {
  /** Route path under `/admin`. */
  path: string;
  label: string;
  /** Its tab is shown to holders of this permission; its route guard asks the same. */
  permission: Permission;
}

/** The admin area's sections, in the order of their tabs. */
export const ADMIN_SECTIONS: readonly AdminSection[] = [
  { path: 'users', label: $localize`:Admin section tab:Users`, permission: 'users:manage' },
  { path: 'api-tokens', label: $localize`:Admin section tab:API tokens`, permission: 'api-tokens:manage' },
  { path: 'notes', label: $localize`:Admin section tab:Notes`, permission: 'program:configure' },
];

/** The permission a section's route asks for, so the guard and the link never disagree. */
export function sectionPermission(path: string): Permission {
  const section = ADMIN_SECTIONS.find((candidate) => candidate.path === path);
  if (!section) throw new Error(`No admin section for ${path}`);
  return section.permission;
}

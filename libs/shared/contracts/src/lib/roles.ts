/** The four roles of DESIGN.md §1. Permissions per role arrive with the identity issue. */
export const Roles = ['specialist', 'supervisor', 'clinician', 'admin'] as const;
export type Role = (typeof Roles)[number];

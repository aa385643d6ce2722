/** The four roles (docs/domain-model.md, "Users and roles"); permissions.ts says what each does. */
export const Roles = ['specialist', 'supervisor', 'clinician', 'admin'] as const;
export type Role = (typeof Roles)[number];

import type { Role } from '@waypoint/shared-contracts';
import type { AccessRoute } from '../access/participant-scope';

/**
 * Field-level rules. A view is a list of fields, and only those columns are ever selected, so
 * a field a caller may not see never leaves the database, let alone reaches a response.
 */
const COLUMNS = {
  id: 'p.id',
  legalFirstName: 'p.legal_first_name',
  legalLastName: 'p.legal_last_name',
  preferredName: 'p.preferred_name',
  pronouns: 'p.pronouns',
  status: 'p.status',
  version: 'p.version',
  // Calendar dates as text: a JavaScript Date would shift them by the server's time zone.
  dateOfBirth: 'p.date_of_birth::text',
  phone: 'p.phone',
  email: 'p.email',
  preferredContactMethod: 'p.preferred_contact_method',
  okToText: 'p.ok_to_text',
  recoveryPathways: 'p.recovery_pathways',
  primarySubstances: 'p.primary_substances',
  enrolledOn: 'p.enrolled_on::text',
  dischargedOn: 'p.discharged_on::text',
  part2Protected: 'p.part2_protected',
  emergencyContactName: 'p.emergency_contact_name',
  emergencyContactPhone: 'p.emergency_contact_phone',
  emergencyContactRelationship: 'p.emergency_contact_relationship',
  referralSource: 'p.referral_source',
  intakeNotes: 'p.intake_notes',
  dischargeReason: 'p.discharge_reason',
  highRisk: 'p.high_risk',
  highRiskReason: 'p.high_risk_reason',
  highRiskSetAt: 'p.high_risk_set_at',
  createdAt: 'p.created_at',
  updatedAt: 'p.updated_at',
} as const;
export type ParticipantField = keyof typeof COLUMNS;

// The high-risk flag travels with the name: it shows everywhere the participant appears.
const SUMMARY = ['id', 'legalFirstName', 'legalLastName', 'preferredName', 'pronouns', 'status', 'highRisk', 'version'] as const;
const CONTACT = [
  'dateOfBirth',
  'phone',
  'email',
  'preferredContactMethod',
  'okToText',
  'part2Protected',
  'emergencyContactName',
  'emergencyContactPhone',
  'emergencyContactRelationship',
] as const;
const RECOVERY = [
  'recoveryPathways',
  'primarySubstances',
  'referralSource',
  'intakeNotes',
  'enrolledOn',
  'dischargedOn',
  'dischargeReason',
  'highRiskReason',
  'highRiskSetAt',
  'createdAt',
  'updatedAt',
] as const;

export const PARTICIPANT_VIEWS = {
  /** A row of a list: enough to recognise someone, nothing more. */
  summary: [...SUMMARY],
  /** The care team's view of one participant. */
  record: [...SUMMARY, ...CONTACT, ...RECOVERY],
  /** An admin in an emergency: who the person is and how to reach them; no recovery details. */
  contact: [...SUMMARY, ...CONTACT],
} satisfies Record<string, ParticipantField[]>;
export type ParticipantViewName = keyof typeof PARTICIPANT_VIEWS;

/** Which view of one participant a caller gets, by role and by how they reached the record. */
export function viewFor(role: Role, route: AccessRoute): ParticipantViewName {
  return role === 'admin' && route === 'break-glass' ? 'contact' : 'record';
}

export function selectList(view: ParticipantViewName): string {
  return PARTICIPANT_VIEWS[view].map((field) => `${COLUMNS[field]} AS "${field}"`).join(', ');
}

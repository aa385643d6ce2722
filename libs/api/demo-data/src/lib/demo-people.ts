/**
 * The demo program's staff and participants. All synthetic: names are drawn from common
 * first and last names, emails use the reserved `.test` domain, phones the 555-01xx range
 * reserved for fiction. Nothing here describes a real person.
 */
export const DEMO_PROGRAM = { name: 'Riverbend Recovery Community', slug: 'riverbend-demo', timeZone: 'America/Chicago' };
export const DEMO_TEAM = 'Northside Peer Team';
/** Shared by every demo account; printed once when seeded and listed in the README. */
export const DEMO_PASSWORD = 'Waypoint-Demo-2026!';
/**
 * Every demo account is pre-enrolled in MFA with this TOTP secret (base32), so anyone can add
 * it to an authenticator app and sign in. Demo data only: real accounts enroll their own.
 */
export const DEMO_TOTP_SECRET = 'KRUGS4ZANFZSAYJAMRSW233UN52HA2LO';
export const DEMO_CLINIC = 'Lakeside MAT Clinic';

export interface DemoUser {
  key: string;
  email: string;
  displayName: string;
  role: 'specialist' | 'supervisor' | 'clinician' | 'admin';
  credentials?: string;
  onTeam: boolean;
  /** Clinicians belong to a provider organization. */
  atClinic?: boolean;
}

export const DEMO_USERS: DemoUser[] = [
  { key: 'specialist', email: 'specialist@demo.waypoint.test', displayName: 'Jordan Avery', role: 'specialist', credentials: 'CPRS', onTeam: true },
  { key: 'specialist2', email: 'sam.okafor@demo.waypoint.test', displayName: 'Sam Okafor', role: 'specialist', credentials: 'CPRS', onTeam: true },
  { key: 'specialist3', email: 'chris.patel@demo.waypoint.test', displayName: 'Chris Patel', role: 'specialist', credentials: 'CPRS', onTeam: true },
  { key: 'specialist4', email: 'renee.jackson@demo.waypoint.test', displayName: 'Renee Jackson', role: 'specialist', credentials: 'CPRS-T', onTeam: true },
  { key: 'supervisor', email: 'supervisor@demo.waypoint.test', displayName: 'Maria Delgado', role: 'supervisor', credentials: 'CPRS, LCADC', onTeam: true },
  { key: 'clinician', email: 'clinician@demo.waypoint.test', displayName: 'Dr. Priya Raman', role: 'clinician', credentials: 'MD', onTeam: false, atClinic: true },
  { key: 'admin', email: 'admin@demo.waypoint.test', displayName: 'Alex Kim', role: 'admin', onTeam: false },
];

export interface DemoParticipant {
  first: string;
  last: string;
  preferred?: string;
  pronouns: string;
  dateOfBirth: string;
  pathways: string[];
  substances: string[];
  status: 'referred' | 'active' | 'inactive' | 'discharged';
  contact: 'phone' | 'text' | 'email' | 'in_person';
  specialistKey: SpecialistKey;
}

export type SpecialistKey = 'specialist' | 'specialist2' | 'specialist3' | 'specialist4';

/** The accounts printed at seeding and listed in the README: one per role. */
export const DEMO_SIGN_IN_KEYS = ['specialist', 'supervisor', 'clinician', 'admin'];

export const DEMO_PARTICIPANTS: DemoParticipant[] = [
  { first: 'Marcus', last: 'Bell', pronouns: 'he/him', dateOfBirth: '1988-03-14', pathways: ['mat', 'twelve_step'], substances: ['opioids'], status: 'active', contact: 'text', specialistKey: 'specialist' },
  { first: 'Danielle', last: 'Ortiz', preferred: 'Dani', pronouns: 'she/her', dateOfBirth: '1995-07-02', pathways: ['smart_recovery'], substances: ['alcohol'], status: 'active', contact: 'phone', specialistKey: 'specialist' },
  { first: 'Terrence', last: 'Walker', pronouns: 'he/him', dateOfBirth: '1979-11-23', pathways: ['faith_based'], substances: ['alcohol', 'cocaine'], status: 'active', contact: 'in_person', specialistKey: 'specialist' },
  { first: 'Ashley', last: 'Nguyen', pronouns: 'she/her', dateOfBirth: '1992-01-30', pathways: ['mat', 'harm_reduction'], substances: ['opioids', 'stimulants'], status: 'active', contact: 'text', specialistKey: 'specialist' },
  { first: 'Riley', last: 'Thompson', pronouns: 'they/them', dateOfBirth: '2000-09-09', pathways: ['harm_reduction'], substances: ['methamphetamine'], status: 'referred', contact: 'text', specialistKey: 'specialist' },
  { first: 'Gloria', last: 'Hernandez', pronouns: 'she/her', dateOfBirth: '1968-05-17', pathways: ['twelve_step'], substances: ['alcohol'], status: 'inactive', contact: 'phone', specialistKey: 'specialist' },
  { first: 'Kevin', last: 'O\u2019Brien', pronouns: 'he/him', dateOfBirth: '1985-12-04', pathways: ['mat'], substances: ['opioids'], status: 'active', contact: 'phone', specialistKey: 'specialist2' },
  { first: 'Tasha', last: 'Robinson', pronouns: 'she/her', dateOfBirth: '1990-04-21', pathways: ['smart_recovery', 'other'], substances: ['cannabis', 'alcohol'], status: 'active', contact: 'email', specialistKey: 'specialist2' },
  { first: 'Luis', last: 'Ramirez', pronouns: 'he/him', dateOfBirth: '1983-08-11', pathways: ['twelve_step', 'faith_based'], substances: ['cocaine'], status: 'active', contact: 'text', specialistKey: 'specialist2' },
  { first: 'Brianna', last: 'Scott', preferred: 'Bree', pronouns: 'she/her', dateOfBirth: '1998-02-27', pathways: ['mat'], substances: ['opioids'], status: 'referred', contact: 'text', specialistKey: 'specialist2' },
  { first: 'Wayne', last: 'Foster', pronouns: 'he/him', dateOfBirth: '1972-06-15', pathways: ['twelve_step'], substances: ['alcohol'], status: 'discharged', contact: 'phone', specialistKey: 'specialist2' },
  { first: 'Jamie', last: 'Lee', pronouns: 'she/they', dateOfBirth: '1996-10-05', pathways: ['harm_reduction', 'smart_recovery'], substances: ['stimulants'], status: 'active', contact: 'text', specialistKey: 'specialist' },
  ...teamCaseloads(),
];

/**
 * The rest of the team's caseloads (Sam, Chris and Renee), so the program looks like a real one:
 * 28 more people built from common names by index, the same on every run. Jordan's caseload
 * stays the seven above, which the journeys know by name.
 */
function teamCaseloads(): DemoParticipant[] {
  const firsts = ['Andre', 'Beth', 'Carlos', 'Dana', 'Eli', 'Fatima', 'Grace', 'Hector', 'Iris', 'Jerome', 'Kayla', 'Lamar', 'Mei', 'Nate'];
  const lasts = ['Adams', 'Baker', 'Coleman', 'Diaz', 'Evans', 'Fisher', 'Greene', 'Hughes', 'Ingram', 'Jenkins', 'Kowalski', 'Lopez', 'Mitchell', 'Novak'];
  const pathways = [['twelve_step'], ['mat'], ['smart_recovery'], ['mat', 'harm_reduction'], ['faith_based'], ['harm_reduction'], ['twelve_step', 'mat']];
  const substances = [['alcohol'], ['opioids'], ['fentanyl', 'opioids'], ['methamphetamine'], ['cocaine', 'alcohol'], ['cannabis'], ['alcohol', 'sedatives']];
  const statuses: DemoParticipant['status'][] = ['active', 'active', 'active', 'active', 'referred', 'inactive', 'active'];
  const contacts: DemoParticipant['contact'][] = ['text', 'phone', 'text', 'email', 'in_person', 'text', 'phone'];
  const pronouns = ['he/him', 'she/her', 'he/him', 'they/them', 'she/her', 'he/him', 'she/her'];
  const owners: SpecialistKey[] = ['specialist2', 'specialist3', 'specialist4'];
  return Array.from({ length: 28 }, (_, i) => ({
    first: firsts[i % firsts.length],
    last: lasts[(i * 5 + Math.floor(i / firsts.length) * 3) % lasts.length],
    pronouns: pronouns[i % pronouns.length],
    dateOfBirth: `${1965 + ((i * 7) % 38)}-${String(1 + ((i * 5) % 12)).padStart(2, '0')}-${String(1 + ((i * 11) % 28)).padStart(2, '0')}`,
    pathways: pathways[i % pathways.length],
    substances: substances[(i * 3) % substances.length],
    status: statuses[i % statuses.length],
    contact: contacts[i % contacts.length],
    specialistKey: owners[i % owners.length],
  }));
}

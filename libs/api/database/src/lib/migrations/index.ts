import { Foundation1763700000000 } from './1763700000000-foundation';
import { Identity1763800000000 } from './1763800000000-identity';
import { RateLimits1763900000000 } from './1763900000000-rate-limits';
import { ApiTokens1764000000000 } from './1764000000000-api-tokens';
import { ParticipantAccess1764100000000 } from './1764100000000-participant-access';
import { AuditTrail1764200000000 } from './1764200000000-audit-trail';
import { AuditChainPerTransaction1764300000000 } from './1764300000000-audit-chain-per-transaction';
import { ParticipantIntake1764400000000 } from './1764400000000-participant-intake';
import { RecoveryPlans1764500000000 } from './1764500000000-recovery-plans';
import { Assessments1764600000000 } from './1764600000000-assessments';
import { SafetyAndTasks1764700000000 } from './1764700000000-safety-and-tasks';
import { SessionNotes1764800000000 } from './1764800000000-session-notes';
import { ProgramNoteSettings1764900000000 } from './1764900000000-program-note-settings';
import { AuditAppend1765000000000 } from './1765000000000-audit-append';
import { ProgramClock1765150000000 } from './1765150000000-program-clock';
import { NoteReturnedNotifications1765200000000 } from './1765200000000-note-returned-notifications';

/**
 * Every migration, in order. Listed explicitly (not globbed) so the bundled API and the test
 * harness run exactly the same set. Create new ones with `npm run db:migration:create -- name`.
 */
export const migrations = [
  Foundation1763700000000,
  Identity1763800000000,
  RateLimits1763900000000,
  ApiTokens1764000000000,
  ParticipantAccess1764100000000,
  AuditTrail1764200000000,
  AuditChainPerTransaction1764300000000,
  ParticipantIntake1764400000000,
  RecoveryPlans1764500000000,
  Assessments1764600000000,
  SafetyAndTasks1764700000000,
  SessionNotes1764800000000,
  ProgramNoteSettings1764900000000,
  AuditAppend1765000000000,
  ProgramClock1765150000000,
  NoteReturnedNotifications1765200000000,
];

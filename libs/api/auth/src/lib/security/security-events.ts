import { Injectable, Logger } from '@nestjs/common';
import { type AuditEvent, type AuditOutcome, AuditWriter } from '@waypoint/api-audit';
import type { AuditAction } from '@waypoint/shared-contracts';

/** Actions worth an operator's attention even when they succeed. */
const ALWAYS_ALERT = new Set<AuditAction>(['auth.refresh-token-reuse', 'auth.lockout']);

/**
 * Security events that are not reads of protected data (sign-in, MFA, sign-out, lockout,
 * refresh-token reuse, permission refusals, role/status changes, API tokens): a row in the
 * audit trail, inside the caller's transaction when there is one, plus a structured `warn`
 * log line (ids only) for refusals and alarms, which alerting keys on.
 */
@Injectable()
export class SecurityEvents {
  readonly #logger = new Logger('SecurityEvents');

  constructor(private readonly audit: AuditWriter) {}

  async record(action: AuditAction, outcome: AuditOutcome, fields: Omit<AuditEvent, 'action' | 'outcome'> = {}): Promise<void> {
    await this.audit.write([{ action, outcome, ...fields }]);
    if (outcome !== 'success' || ALWAYS_ALERT.has(action)) {
      this.#logger.warn(
        { securityEvent: action, outcome, programId: fields.programId, actorId: fields.actorId, resourceId: fields.resourceId },
        `security event: ${action} (${outcome})`,
      );
    }
  }
}

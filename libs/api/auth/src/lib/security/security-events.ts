import { Injectable, Logger } from '@nestjs/common';

export type SecurityEventKind =
  | 'refresh-token-reuse'
  | 'break-glass-granted'
  | 'break-glass-refused'
  | 'break-glass-reviewed';

/** Identifiers only: never names, reasons, emails or anything else a reader could identify. */
export interface SecurityEventFields {
  programId: string;
  actorId: string;
  sessionId?: string;
  participantId?: string;
  grantId?: string;
}

/**
 * Security events the operators must be able to find: a structured `warn` line with a stable
 * `securityEvent` field (alerting keys on it). The audit trail (issue 4) records the same
 * events durably and tamper-evidently; this log is the copy that lives outside the database.
 */
@Injectable()
export class SecurityEvents {
  private readonly logger = new Logger('SecurityEvents');

  record(kind: SecurityEventKind, fields: SecurityEventFields): void {
    this.logger.warn({ securityEvent: kind, ...fields }, `security event: ${kind}`);
  }
}

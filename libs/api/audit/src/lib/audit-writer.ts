import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { queryable } from '@waypoint/api-database';
import type { DataSource } from 'typeorm';
import { AuditContext } from './audit-context';
import type { AuditEvent } from './audit-event';

/**
 * Appends events to the trail in one statement, inside the caller's transaction when there is
 * one (so a change and its audit row commit together). The chain hash, the id and the time
 * come from PostgreSQL; request id, address and user agent from the request context.
 */
@Injectable()
export class AuditWriter {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async write(events: readonly AuditEvent[]): Promise<void> {
    if (events.length === 0) return;
    const request = AuditContext.current() ?? {};
    const column = <K extends keyof AuditEvent>(key: K) => events.map((event) => event[key] ?? null);
    await queryable(this.db).query(
      `INSERT INTO audit_events (program_id, actor_id, actor_role, action, resource_type, resource_id, participant_id,
                                 outcome, request_id, ip, user_agent, reason)
       SELECT e.program_id, e.actor_id, e.actor_role, e.action, e.resource_type, e.resource_id, e.participant_id,
              e.outcome, $9, $10, $11, e.reason
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::text[], $12::text[])
           AS e(program_id, actor_id, actor_role, action, resource_type, resource_id, participant_id, outcome, reason)`,
      [
        column('programId'),
        column('actorId'),
        column('actorRole'),
        column('action'),
        column('resourceType'),
        column('resourceId'),
        column('participantId'),
        column('outcome'),
        request.requestId ?? null,
        request.ip ?? null,
        request.userAgent ?? null,
        column('reason'),
      ],
    );
  }
}

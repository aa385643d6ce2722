import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Audited, AuditChainService, AuditContext } from '@waypoint/api-audit';
import { type AuthContext, CurrentUser, RequirePermission } from '@waypoint/api-auth';
import { ParticipantsRepository } from '@waypoint/api-participants';
import { IsBoolean, IsOptional } from 'class-validator';
import type { Response } from 'express';
import { once } from 'node:events';
import { AuditQueryDto } from './audit-query.dto';
import { AuditReportQuery } from './audit-report.query';
import { csvLine } from './csv';

export class VerifyChainDto {
  @ApiPropertyOptional({ description: 'Walk from the oldest kept row instead of the last checkpoint' }) @IsOptional() @IsBoolean() full?: boolean;
}

// `participantName` is filled only for participants the caller reaches in their care team (the
// same rule as the page); the id is always there.
const CSV_COLUMNS = ['id', 'occurredAt', 'actorId', 'actorName', 'actorRole', 'action', 'resourceType', 'resourceId', 'participantId', 'participantName', 'outcome', 'requestId', 'ip', 'userAgent', 'reason'] as const;

/** The audit report. Reading the trail is itself recorded in it. */
@ApiTags('audit')
@Controller()
export class AuditReportController {
  constructor(
    private readonly report: AuditReportQuery,
    private readonly chain: AuditChainService,
    private readonly participants: ParticipantsRepository,
  ) {}

  @RequirePermission('audit:read')
  @Get('audit/events')
  @Audited({ action: 'audit.search', resourceType: 'audit_event' })
  events(@CurrentUser() auth: AuthContext, @Query() query: AuditQueryDto) {
    return this.report.page(auth, query, 'program');
  }

  /** Supervisors: events about the participants of their team. */
  @RequirePermission('caseload:team')
  @Get('audit/team-events')
  @Audited({ action: 'audit.search-team', resourceType: 'audit_event' })
  teamEvents(@CurrentUser() auth: AuthContext, @Query() query: AuditQueryDto) {
    return this.report.page(auth, query, 'team');
  }

  /** The filtered set as CSV, written a batch at a time as it is read (never held in memory). */
  @RequirePermission('audit:read')
  @Get('audit/events.csv')
  @Audited({ action: 'audit.export', resourceType: 'audit_event', alert: true })
  async exportCsv(@CurrentUser() auth: AuthContext, @Query() query: AuditQueryDto, @Res() res: Response): Promise<void> {
    await AuditContext.recordBeforeStreaming();
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="waypoint-audit.csv"');
    res.setHeader('Cache-Control', 'no-store');
    res.write(csvLine(CSV_COLUMNS));
    for await (const batch of this.report.batches(auth, { ...query, cursor: undefined })) {
      const chunk = batch.map((row) => csvLine(CSV_COLUMNS.map((column) => row[column]))).join('');
      await AuditContext.recordBeforeStreaming(); // rows for any participant this batch names
      if (!res.write(chunk)) await once(res, 'drain');
    }
    res.end();
  }

  @RequirePermission('audit:read')
  @Post('audit/verify')
  @HttpCode(200)
  @Audited({ action: 'audit.verify', resourceType: 'audit_chain' })
  verify(@CurrentUser() auth: AuthContext, @Body() body: VerifyChainDto) {
    return this.chain.verifyForProgram(auth.programId, !body.full);
  }

  /** Who viewed or changed this participant lately; for supervisors of their team. */
  @RequirePermission('caseload:team')
  @Get('participants/:id/access-history')
  @Audited({ action: 'participant.access-history', resourceType: 'participant', idParam: 'id', participantParam: 'id' })
  async accessHistory(@CurrentUser() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string) {
    await this.participants.requireInScope(auth, id);
    return { items: await this.report.recentForParticipant(auth, id) };
  }
}

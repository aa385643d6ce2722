import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Audited } from '@waypoint/api-audit';
import { type AuthContext, CurrentUser, RequirePermission } from '@waypoint/api-auth';
import { ParticipantsRepository } from '../access/participants.repository';
import { AcknowledgeBreakGlassDto, ListBreakGlassGrantsQuery, RequestBreakGlassDto } from './break-glass.dto';
import { BreakGlassStore } from './break-glass.store';

const uuid = new ParseUUIDPipe();

/**
 * Emergency access to one participant outside one's scope: a supervisor or admin states a
 * reason and gets read access for `BREAK_GLASS_MINUTES` (default 60). Each grant is a security
 * event and waits in the review list until another supervisor or admin acknowledges it.
 */
@ApiTags('break-glass')
@Controller('break-glass')
export class BreakGlassController {
  constructor(
    private readonly grants: BreakGlassStore,
    private readonly participants: ParticipantsRepository,
  ) {}

  @RequirePermission('break-glass:request')
  @Post()
  @Audited({ action: 'break-glass.grant', resourceType: 'break_glass_grant', alert: true })
  request(@CurrentUser() auth: AuthContext, @Body() body: RequestBreakGlassDto) {
    return this.grants.grant(auth, body);
  }

  /**
   * The caller's own unexpired grants, for the banner on every page. Usually there are none, and
   * checking that reads no participant data, so it writes no row; a grant's banner names its
   * participant, which is a read, recorded as usual.
   */
  @RequirePermission('break-glass:request')
  @Get('active')
  @Audited({ action: 'break-glass.list-active', resourceType: 'break_glass_grant', onlyParticipantReads: true })
  active(@CurrentUser() auth: AuthContext) {
    return this.grants.active(auth);
  }

  /** The participant, read through the caller's unexpired grant (else 404). */
  @RequirePermission('break-glass:request')
  @Get('participants/:id')
  @Audited({ action: 'participant.break-glass-read', resourceType: 'participant', idParam: 'id', participantParam: 'id', alert: true })
  participant(@CurrentUser() auth: AuthContext, @Param('id', uuid) id: string) {
    return this.participants.get(auth, id, 'break-glass');
  }

  @RequirePermission('break-glass:review')
  @Get('grants')
  @Audited({ action: 'break-glass.list-grants', resourceType: 'break_glass_grant' })
  reviews(@CurrentUser() auth: AuthContext, @Query() query: ListBreakGlassGrantsQuery) {
    return this.grants.reviews(auth, { pendingOnly: query.pending ?? true, limit: query.limit ?? 25, cursor: query.cursor });
  }

  @RequirePermission('break-glass:review')
  @Post('grants/:id/acknowledge')
  @HttpCode(204)
  @Audited({ action: 'break-glass.review', resourceType: 'break_glass_grant', idParam: 'id', alert: true })
  async acknowledge(@CurrentUser() auth: AuthContext, @Param('id', uuid) id: string, @Body() body: AcknowledgeBreakGlassDto) {
    await this.grants.acknowledge(auth, id, body.note);
  }
}

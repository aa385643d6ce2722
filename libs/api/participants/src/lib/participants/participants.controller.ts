import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { queryInt } from '@waypoint/api-http';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Audited } from '@waypoint/api-audit';
import { type AuthContext, CurrentUser, RequirePermission } from '@waypoint/api-auth';
import { type ParticipantStatus, ParticipantStatuses } from '@waypoint/shared-contracts';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { type CaseloadSort, CaseloadSorts } from '../access/caseload-listing';
import { ParticipantsRepository } from '../access/participants.repository';
import { ChangeStatusDto, CreateParticipantDto, DuplicateCheckDto, UpdateParticipantDto } from '../intake/participant-input.dto';
import { ParticipantIntakeService } from '../intake/participant-intake.service';

export class ListParticipantsQuery {
  @ApiPropertyOptional({ default: 25, maximum: 100 }) @IsOptional() @queryInt() @IsInt() @Min(1) @Max(100) limit?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 600) cursor?: string;
  @ApiPropertyOptional({ enum: ParticipantStatuses }) @IsOptional() @IsIn(ParticipantStatuses) status?: ParticipantStatus;
  @ApiPropertyOptional({ enum: ['high'], description: 'Only participants flagged high risk' }) @IsOptional() @IsIn(['high']) risk?: 'high';
  @ApiPropertyOptional({ enum: ['overdue'], description: 'Only participants with an overdue follow-up' }) @IsOptional() @IsIn(['overdue']) followUp?: 'overdue';
  @ApiPropertyOptional({ enum: ['overdue'], description: 'Only participants without a recorded contact for more than CONTACT_OVERDUE_DAYS' })
  @IsOptional()
  @IsIn(['overdue'])
  contact?: 'overdue';
  @ApiPropertyOptional({ enum: CaseloadSorts, default: 'name', description: 'name; lastContact (longest without contact first); nextFollowUp (soonest first)' })
  @IsOptional()
  @IsIn(CaseloadSorts)
  sort?: CaseloadSort;
  @ApiPropertyOptional({ description: 'Name (start of any part, accents ignored: jose finds José) or date of birth (YYYY-MM-DD or MM/DD/YYYY)' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  search?: string;
}

/**
 * Participants in the caller's care-team scope: list, read, intake, edit and status changes.
 * Reads go through ParticipantsRepository (scope + fields); writes through the intake service.
 */
@ApiTags('participants')
@RequirePermission('participants:read')
@Controller('participants')
export class ParticipantsController {
  constructor(
    private readonly participants: ParticipantsRepository,
    private readonly intake: ParticipantIntakeService,
  ) {}

  @Get()
  @Audited({ action: 'participant.list', resourceType: 'participant' })
  list(@CurrentUser() auth: AuthContext, @Query() query: ListParticipantsQuery) {
    const { limit = 25, cursor, sort, status, risk, followUp, contact, search } = query;
    return this.participants.list(auth, { limit, cursor, sort, status, risk, followUp, contact, search: search?.trim() || undefined });
  }

  @Get(':id')
  @Audited({ action: 'participant.read', resourceType: 'participant', idParam: 'id', participantParam: 'id' })
  get(@CurrentUser() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.participants.get(auth, id, 'care-team');
  }

  @Post('duplicate-check')
  @HttpCode(200)
  @RequirePermission('participants:write')
  @Audited({ action: 'participant.duplicate-check', resourceType: 'participant' })
  async duplicateCheck(@CurrentUser() auth: AuthContext, @Body() body: DuplicateCheckDto) {
    return { candidates: await this.intake.findDuplicates(auth, body) };
  }

  @Post()
  @RequirePermission('participants:write')
  @Audited({ action: 'participant.create', resourceType: 'participant' })
  create(@CurrentUser() auth: AuthContext, @Body() body: CreateParticipantDto) {
    return this.intake.create(auth, body);
  }

  @Patch(':id')
  @RequirePermission('participants:write')
  @Audited({ action: 'participant.update', resourceType: 'participant', idParam: 'id', participantParam: 'id' })
  update(@CurrentUser() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateParticipantDto) {
    return this.intake.update(auth, id, body);
  }

  @Post(':id/status')
  @HttpCode(200)
  @RequirePermission('participants:write')
  @Audited({ action: 'participant.status-change', resourceType: 'participant', idParam: 'id', participantParam: 'id' })
  changeStatus(@CurrentUser() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: ChangeStatusDto) {
    return this.intake.changeStatus(auth, id, body);
  }

  @Get(':id/status-history')
  @Audited({ action: 'participant.status-history', resourceType: 'participant', idParam: 'id', participantParam: 'id' })
  statusHistory(@CurrentUser() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.intake.statusHistory(auth, id);
  }
}

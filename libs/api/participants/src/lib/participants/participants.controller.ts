import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Audited } from '@waypoint/api-audit';
import { type AuthContext, CurrentUser, RequirePermission } from '@waypoint/api-auth';
import { type ParticipantStatus, ParticipantStatuses } from '@waypoint/shared-contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { ParticipantsRepository } from '../access/participants.repository';

export class ListParticipantsQuery {
  @ApiPropertyOptional({ default: 25, maximum: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 600) cursor?: string;
  @ApiPropertyOptional({ enum: ParticipantStatuses }) @IsOptional() @IsIn(ParticipantStatuses) status?: ParticipantStatus;
}

/**
 * Participants in the caller's care-team scope. The full caseload workspace (intake, search,
 * assignments) arrives with the participants issue; these two routes are what access control
 * is proven on.
 */
@ApiTags('participants')
@RequirePermission('participants:read')
@Controller('participants')
export class ParticipantsController {
  constructor(private readonly participants: ParticipantsRepository) {}

  @Get()
  @Audited({ action: 'participant.list', resourceType: 'participant' })
  list(@CurrentUser() auth: AuthContext, @Query() query: ListParticipantsQuery) {
    return this.participants.list(auth, { limit: query.limit ?? 25, cursor: query.cursor, status: query.status });
  }

  @Get(':id')
  @Audited({ action: 'participant.read', resourceType: 'participant', idParam: 'id', participantParam: 'id' })
  get(@CurrentUser() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.participants.get(auth, id, 'care-team');
  }
}

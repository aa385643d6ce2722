import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { queryInt } from '@waypoint/api-http';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Audited } from '@waypoint/api-audit';
import { type AuthContext, CurrentUser, RequirePermission } from '@waypoint/api-auth';
import { type TimelineKind, TimelineKinds } from '@waypoint/shared-contracts';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { TimelineStore } from './timeline.store';

export class TimelineQueryDto {
  @ApiPropertyOptional({ default: 25, maximum: 100 }) @IsOptional() @queryInt() @IsInt() @Min(1) @Max(100) limit?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 400) cursor?: string;
  @ApiPropertyOptional({ description: `Only these kinds, comma-separated: ${TimelineKinds.join(', ')}`, type: String })
  @IsOptional()
  // `kinds=a,b` and `kinds=a&kinds=b` both arrive as a list.
  @Transform(({ value }) => (Array.isArray(value) ? value : [value]).flatMap((part: unknown) => String(part).split(',')).map((part: string) => part.trim()).filter(Boolean))
  @IsArray()
  @ArrayMaxSize(TimelineKinds.length)
  @IsIn(TimelineKinds, { each: true })
  kinds?: TimelineKind[];
}

@ApiTags('participants')
@Controller('participants')
export class TimelineController {
  constructor(private readonly timeline: TimelineStore) {}

  /** Everything recorded about the participant, newest first, one keyset page at a time. */
  @Get(':id/timeline')
  @RequirePermission('participants:read')
  @Audited({ action: 'timeline.read', resourceType: 'participant', idParam: 'id', participantParam: 'id' })
  page(@CurrentUser() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string, @Query() query: TimelineQueryDto) {
    return this.timeline.page(auth, id, { limit: query.limit ?? 25, cursor: query.cursor, kinds: query.kinds });
  }
}

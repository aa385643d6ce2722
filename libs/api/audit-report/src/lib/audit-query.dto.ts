import { queryInt } from '@waypoint/api-http';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';

export const AUDIT_OUTCOMES = ['success', 'denied', 'error'] as const;

/** The report's filters: all optional, all whitelisted. */
export class AuditQueryDto {
  @ApiPropertyOptional({ description: 'From this instant (inclusive), ISO 8601' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ description: 'Until this instant (exclusive), ISO 8601' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() actorId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() participantId?: string;
  @ApiPropertyOptional({ example: 'participant.read' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z][a-z0-9_.-]{1,63}$/, { message: 'action must look like participant.read' })
  action?: string;
  @ApiPropertyOptional({ enum: AUDIT_OUTCOMES }) @IsOptional() @IsIn(AUDIT_OUTCOMES) outcome?: (typeof AUDIT_OUTCOMES)[number];
  @ApiPropertyOptional({ default: 50, maximum: 100 }) @IsOptional() @queryInt() @IsInt() @Min(1) @Max(100) limit?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 80) cursor?: string;
}

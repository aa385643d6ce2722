import { queryInt } from '@waypoint/api-http';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDateString, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateIf } from 'class-validator';

/**
 * Who (by record id, or by last name and date of birth) and why. Each field is validated
 * whenever it is sent: the alternative only decides which ones are required, so a value
 * such as `{"$ne": 1}` next to a valid id never reaches the store.
 */
export class RequestBreakGlassDto {
  @ApiPropertyOptional({ description: 'The participant’s record id; or give lastName and dateOfBirth' })
  @ValidateIf((dto: RequestBreakGlassDto) => dto.participantId !== undefined || (dto.lastName === undefined && dto.dateOfBirth === undefined))
  @IsUUID()
  participantId?: string;

  @ApiPropertyOptional()
  @ValidateIf((dto: RequestBreakGlassDto) => dto.lastName !== undefined || dto.participantId === undefined)
  @IsString()
  @Length(1, 100)
  lastName?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) firstName?: string;

  @ApiPropertyOptional({ example: '1990-04-12' })
  @ValidateIf((dto: RequestBreakGlassDto) => dto.dateOfBirth !== undefined || dto.participantId === undefined)
  @IsDateString({ strict: true })
  @Length(10, 10)
  dateOfBirth?: string;

  @ApiProperty({ description: 'Why the emergency access is needed (10–500 characters); reviewed by another supervisor or admin' })
  @IsString()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @Length(10, 500, { message: 'Give the reason in 10 to 500 characters.' })
  reason!: string;
}

export class ListBreakGlassGrantsQuery {
  @ApiPropertyOptional({ default: true, description: 'Only grants nobody has reviewed yet' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  pending?: boolean;

  @ApiPropertyOptional({ default: 25, maximum: 100 }) @IsOptional() @queryInt() @IsInt() @Min(1) @Max(100) limit?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) cursor?: string;
}

export class AcknowledgeBreakGlassDto {
  @ApiPropertyOptional({ description: 'What the reviewer concluded' }) @IsOptional() @IsString() @Length(0, 500) note?: string;
}

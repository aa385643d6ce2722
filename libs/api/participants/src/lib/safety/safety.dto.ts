import { INT4_MAX } from '@waypoint/api-http';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type SafetyEventKind, SafetyEventKinds } from '@waypoint/shared-contracts';
import { IsBoolean, IsDateString, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { trimmed, trimmedOrNull } from '../access/trimmed';


export class RecordSafetyEventDto {
  @ApiProperty({ enum: SafetyEventKinds }) @IsIn(SafetyEventKinds) kind!: SafetyEventKind;
  @ApiPropertyOptional({ description: 'Default today; not in the future' }) @IsOptional() @IsDateString({ strict: true }) @Length(10, 10) occurredOn?: string;
  @ApiProperty({ description: 'What happened (1–2000 characters)' }) @trimmed() @IsString() @Length(1, 2000) description!: string;
  @ApiPropertyOptional({ description: 'What was done or is planned next' }) @IsOptional() @trimmedOrNull() @IsString() @Length(1, 2000) followUp?: string | null;
}

export class SetRiskFlagDto {
  @ApiProperty() @IsBoolean() highRisk!: boolean;
  @ApiPropertyOptional({ description: 'Why (3–500 characters); required to raise the flag' }) @IsOptional() @trimmedOrNull() @IsString() @Length(3, 500) reason?: string | null;
  @ApiProperty({ description: 'The participant record version this is based on' }) @IsInt() @Min(1) @Max(INT4_MAX) version!: number;
}

import { INT4_MAX } from '@waypoint/api-http';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type GoalDimension, GoalDimensions, type GoalStatus, GoalStatuses } from '@waypoint/shared-contracts';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { trimmed, trimmedOrNull } from '../access/trimmed';

const CALENDAR_DATE = { strict: true } as const;
const STEPS_PER_GOAL = 20;

export class CreateGoalDto {
  @ApiProperty({ enum: GoalDimensions }) @IsIn(GoalDimensions) dimension!: GoalDimension;
  @ApiProperty({ description: 'The goal in the participant’s own words (1–500 characters)' }) @trimmed() @IsString() @Length(1, 500) statement!: string;
  @ApiPropertyOptional({ example: '2027-03-01', nullable: true }) @IsOptional() @IsDateString(CALENDAR_DATE) @Length(10, 10) targetDate?: string | null;

  @ApiPropertyOptional({ type: [String], description: `Steps, in order (at most ${STEPS_PER_GOAL})` })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(STEPS_PER_GOAL)
  @IsString({ each: true })
  @Length(1, 300, { each: true })
  steps?: string[];
}

export class UpdateGoalDto {
  @ApiPropertyOptional({ enum: GoalDimensions }) @IsOptional() @IsIn(GoalDimensions) dimension?: GoalDimension;
  @ApiPropertyOptional() @IsOptional() @trimmed() @IsString() @Length(1, 500) statement?: string;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsDateString(CALENDAR_DATE) @Length(10, 10) targetDate?: string | null;
  @ApiProperty() @IsInt() @Min(1) @Max(INT4_MAX) version!: number;
}

export class ChangeGoalStatusDto {
  @ApiProperty({ enum: GoalStatuses }) @IsIn(GoalStatuses) status!: GoalStatus;
  @ApiPropertyOptional({ description: 'Required when revising or discontinuing (3–500 characters)' }) @IsOptional() @trimmedOrNull() @IsString() @Length(3, 500) reason?: string | null;
  @ApiProperty() @IsInt() @Min(1) @Max(INT4_MAX) version!: number;
}

export class AddStepDto {
  @ApiProperty() @trimmed() @IsString() @Length(1, 300) description!: string;
}

export class UpdateStepDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() done?: boolean;
  @ApiPropertyOptional() @IsOptional() @trimmed() @IsString() @Length(1, 300) description?: string;
  @ApiProperty() @IsInt() @Min(1) @Max(INT4_MAX) version!: number;
}

export class ReorderStepsDto {
  @ApiProperty({ type: [String], description: 'Every step of the goal, in the new order' })
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  stepIds!: string[];
}

export class RecordProgressDto {
  @ApiPropertyOptional({ description: 'Default today; not in the future' }) @IsOptional() @IsDateString(CALENDAR_DATE) @Length(10, 10) recordedOn?: string;
  @ApiProperty({ minimum: 0, maximum: 10, description: 'How far along it feels, 0–10' }) @IsInt() @Min(0) @Max(10) rating!: number;
  @ApiPropertyOptional() @IsOptional() @trimmedOrNull() @IsString() @Length(1, 1000) comment?: string | null;
}

export { STEPS_PER_GOAL };

import { INT4_MAX, queryInt } from '@waypoint/api-http';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { trimmed } from '../access/trimmed';


export class CreateTaskDto {
  @ApiProperty({ description: 'What to do (1–200 characters)' }) @trimmed() @IsString() @Length(1, 200) title!: string;
  @ApiProperty({ example: '2026-12-01' }) @IsDateString({ strict: true }) @Length(10, 10) dueOn!: string;
  @ApiPropertyOptional({ description: 'Who does it; default the caller (a supervisor may pick someone on their team)' }) @IsOptional() @IsUUID() ownerId?: string;
}

export class UpdateTaskDto {
  @ApiPropertyOptional() @IsOptional() @trimmed() @IsString() @Length(1, 200) title?: string;
  @ApiPropertyOptional() @IsOptional() @IsDateString({ strict: true }) @Length(10, 10) dueOn?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() done?: boolean;
  @ApiProperty() @IsInt() @Min(1) @Max(INT4_MAX) version!: number;
}

export const TaskFilters = ['open', 'done', 'all'] as const;

export class ListTasksQuery {
  @ApiPropertyOptional({ enum: TaskFilters, default: 'open' }) @IsOptional() @IsIn(TaskFilters) status?: (typeof TaskFilters)[number];
  @ApiPropertyOptional({ default: 25, maximum: 100 }) @IsOptional() @queryInt() @IsInt() @Min(1) @Max(100) limit?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) cursor?: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ASSESSMENT_NOTES_MAX_LENGTH,
  type AssessmentKind,
  AssessmentKinds,
  BARC10_ITEM_COUNT,
  BARC10_MAX_ANSWER,
  BARC10_MIN_ANSWER,
} from '@waypoint/shared-contracts';
import { trimmedOrNull } from '../access/trimmed';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDateString, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

/** One BARC-10 as the participant answered it with their specialist. */
export class RecordAssessmentDto {
  @ApiPropertyOptional({ enum: AssessmentKinds, default: 'barc10' }) @IsOptional() @IsIn(AssessmentKinds) kind?: AssessmentKind;

  @ApiPropertyOptional({ example: '2025-11-20', description: 'The day it was taken; today when left out, never in the future.' })
  @IsOptional()
  @IsDateString({ strict: true })
  @Length(10, 10)
  takenOn?: string;

  @ApiProperty({ type: [Number], minItems: BARC10_ITEM_COUNT, maxItems: BARC10_ITEM_COUNT, example: [5, 4, 4, 3, 5, 4, 5, 6, 4, 5] })
  @IsArray()
  @ArrayMinSize(BARC10_ITEM_COUNT, { message: `Answer all ${BARC10_ITEM_COUNT} items.` })
  @ArrayMaxSize(BARC10_ITEM_COUNT, { message: `The BARC-10 has ${BARC10_ITEM_COUNT} items.` })
  @IsInt({ each: true, message: 'Each answer is a whole number from 1 to 6.' })
  @Min(BARC10_MIN_ANSWER, { each: true, message: 'Each answer is from 1 (strongly disagree) to 6 (strongly agree).' })
  @Max(BARC10_MAX_ANSWER, { each: true, message: 'Each answer is from 1 (strongly disagree) to 6 (strongly agree).' })
  answers!: number[];

  @ApiPropertyOptional({ nullable: true, maxLength: ASSESSMENT_NOTES_MAX_LENGTH })
  @IsOptional()
  @trimmedOrNull()
  @IsString()
  @Length(1, ASSESSMENT_NOTES_MAX_LENGTH)
  notes?: string | null;
}

import { applyDecorators } from '@nestjs/common';
import { INT4_MAX, queryInt } from '@waypoint/api-http';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type ContactModality,
  ContactModalities,
  type ContactType,
  ContactTypes,
  type NoteFormat,
  NoteFormats,
  NoteStatuses,
  type NoteStatus,
  NOTE_TOPIC_MAX_LENGTH,
  NOTE_TOPICS_MAX,
} from '@waypoint/shared-contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { trimmed, trimmedOrNull } from '../access/trimmed';

/**
 * A note's topics: up to 20, each one of the program's topics (`GET /notes/settings`; checked
 * against the program's list by the store, since the list lives in the database).
 */
const noteTopics = () =>
  applyDecorators(
    ApiPropertyOptional({ type: [String], description: 'Topics from the program’s list (GET /notes/settings)' }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(20),
    ArrayUnique(),
    IsString({ each: true }),
    Length(1, NOTE_TOPIC_MAX_LENGTH, { each: true }),
  );

/**
 * What a note says, besides its start, contact type and modality (required on create, optional
 * on update, so each DTO declares them itself: class-validator applies a parent's `@IsOptional`
 * to a redeclared property too, and a create without a start then reached the store).
 */
class NoteDetailsDto {
  @ApiPropertyOptional({ example: '2026-11-21T14:30:00Z', description: 'When it ended; or send durationMinutes' })
  @IsOptional()
  @IsDateString({ strict: true })
  endedAt?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 720, description: 'Instead of endedAt' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(720)
  durationMinutes?: number;

  @ApiPropertyOptional({ nullable: true }) @IsOptional() @trimmedOrNull() @IsString() @Length(1, 200) location?: string | null;
  @ApiPropertyOptional({ enum: NoteFormats, description: 'GIRP by default' }) @IsOptional() @IsIn(NoteFormats) format?: NoteFormat;

  @ApiPropertyOptional({ description: 'The format’s sections by name (GIRP: goal, intervention, response, plan), each up to 4000 characters' })
  @IsOptional()
  @IsObject()
  sections?: Record<string, string>;

  @ApiPropertyOptional({ type: [String], description: 'Active recovery-plan goals of the participant' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  goalIds?: string[];

  @noteTopics()
  topics?: string[];

  @ApiPropertyOptional() @IsOptional() @IsBoolean() riskConcern?: boolean;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @trimmedOrNull() @IsString() @Length(1, 2000) riskDetail?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() naloxoneProvided?: boolean;
  @ApiPropertyOptional({ nullable: true, example: '2026-12-01' }) @IsOptional() @IsDateString({ strict: true }) @Length(10, 10) followUpOn?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() reviewedWithParticipant?: boolean;
}

/** What a note says and when; every field optional, for an update. */
class NoteContentDto extends NoteDetailsDto {
  @ApiPropertyOptional({ example: '2026-11-21T14:00:00Z', description: 'When the contact began (ISO 8601)' })
  @IsOptional()
  @IsDateString({ strict: true })
  startedAt?: string;

  @ApiPropertyOptional({ enum: ContactTypes }) @IsOptional() @IsIn(ContactTypes) contactType?: ContactType;
  @ApiPropertyOptional({ enum: ContactModalities }) @IsOptional() @IsIn(ContactModalities) modality?: ContactModality;
}

/** A new note: its start, contact type and modality are required. */
export class CreateNoteDto extends NoteDetailsDto {
  @ApiProperty({ example: '2026-11-21T14:00:00Z', description: 'When the contact began (ISO 8601)' }) @IsDateString({ strict: true }) startedAt!: string;
  @ApiProperty({ enum: ContactTypes }) @IsIn(ContactTypes) contactType!: ContactType;
  @ApiProperty({ enum: ContactModalities }) @IsIn(ContactModalities) modality!: ContactModality;
}

export class UpdateNoteDto extends NoteContentDto {
  @ApiProperty({ description: 'The version this change is based on' }) @IsInt() @Min(1) @Max(INT4_MAX) version!: number;
}

/** Submit, sign and co-sign carry the version the person was looking at. */
export class NoteCommandDto {
  @ApiProperty() @IsInt() @Min(1) @Max(INT4_MAX) version!: number;
}

export class NoteRefDto extends NoteCommandDto {
  @ApiProperty() @IsUUID() id!: string;
}

export class BulkCosignDto {
  @ApiProperty({ type: [NoteRefDto], description: 'Up to 50 notes, each with the version the supervisor read' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique((note: NoteRefDto) => note?.id)
  @ValidateNested({ each: true })
  @Type(() => NoteRefDto)
  notes!: NoteRefDto[];
}

export class QueueQuery {
  @ApiPropertyOptional({ default: 25, maximum: 100 }) @IsOptional() @queryInt() @IsInt() @Min(1) @Max(100) limit?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) cursor?: string;
}

export class ReturnNoteDto extends NoteCommandDto {
  @ApiProperty({ description: 'What to fix (3–2000 characters)' }) @trimmed() @IsString() @Length(3, 2000) comment!: string;
}

export class AddAddendumDto {
  @ApiProperty({ description: 'Why the signed note needs this (3–500 characters)' }) @trimmed() @IsString() @Length(3, 500) reason!: string;
  @ApiProperty({ description: 'The correction or addition (1–4000 characters)' }) @trimmed() @IsString() @Length(1, 4000) body!: string;
}

export class ListNotesQuery {
  @ApiPropertyOptional({ enum: NoteStatuses }) @IsOptional() @IsIn(NoteStatuses) status?: NoteStatus;
  @ApiPropertyOptional({ default: 25, maximum: 100 }) @IsOptional() @queryInt() @IsInt() @Min(1) @Max(100) limit?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) cursor?: string;
}

export class GroupAttendeeDto {
  @ApiProperty() @IsUUID() participantId!: string;
  @ApiPropertyOptional({ description: 'This attendee’s response (up to 4000 characters)' }) @IsOptional() @trimmed() @IsString() @Length(0, 4000) response?: string;
  @ApiPropertyOptional({ type: [String], description: 'Active goals of this attendee' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  goalIds?: string[];
}

/** One group meeting and its shared parts; each attendee gets their own GIRP note. */
export class CreateGroupSessionDto {
  @ApiProperty({ description: 'What the group was about (1–200 characters)' }) @trimmed() @IsString() @Length(1, 200) topic!: string;
  @ApiProperty({ example: '2026-11-21T14:00:00Z' }) @IsDateString({ strict: true }) startedAt!: string;
  @ApiPropertyOptional() @IsOptional() @IsDateString({ strict: true }) endedAt?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 720 }) @IsOptional() @IsInt() @Min(1) @Max(720) durationMinutes?: number;
  @ApiProperty({ enum: ContactModalities }) @IsIn(ContactModalities) modality!: ContactModality;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @trimmedOrNull() @IsString() @Length(1, 200) location?: string | null;
  @ApiPropertyOptional({ description: 'Shared Goal section (each note may add its goals)' }) @IsOptional() @trimmed() @IsString() @Length(0, 4000) goal?: string;
  @ApiProperty({ description: 'What the facilitator did, shared by every attendee’s note' }) @trimmed() @IsString() @Length(1, 4000) intervention!: string;
  @ApiPropertyOptional({ description: 'Shared Plan section' }) @IsOptional() @trimmed() @IsString() @Length(0, 4000) plan?: string;
  @noteTopics()
  topics?: string[];

  @ApiProperty({ type: [GroupAttendeeDto], description: '1–20 attendees from the facilitator’s caseload' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique((attendee: GroupAttendeeDto) => attendee?.participantId)
  @ValidateNested({ each: true })
  @Type(() => GroupAttendeeDto)
  attendees!: GroupAttendeeDto[];
}

/** A program's note settings, replaced whole by an admin. */
export class UpdateNoteSettingsDto {
  @ApiProperty({ enum: NoteFormats, description: 'The format a new note starts in' }) @IsIn(NoteFormats) defaultFormat!: NoteFormat;

  @ApiProperty({ type: [String], description: `1–${NOTE_TOPICS_MAX} topics: built-in keys (e.g. "housing") or the program’s own, written as their label` })
  @Transform(({ value }) => (Array.isArray(value) ? value.map((topic) => (typeof topic === 'string' ? topic.trim().replace(/\s+/g, ' ') : topic)) : value))
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(NOTE_TOPICS_MAX)
  @IsString({ each: true })
  @Length(1, NOTE_TOPIC_MAX_LENGTH, { each: true })
  topics!: string[];

  @ApiProperty({ description: 'The version these settings are based on' }) @IsInt() @Min(1) @Max(INT4_MAX) version!: number;
}

import { INT4_MAX } from '@waypoint/api-http';
import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType } from '@nestjs/swagger';
import {
  AssignmentKinds,
  type AssignmentKind,
  type ContactMethod,
  ContactMethods,
  type ParticipantStatus,
  ParticipantStatuses,
  type RecoveryPathway,
  RecoveryPathways,
} from '@waypoint/shared-contracts';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDateString,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { trimmed, trimmedOrNull } from '../access/trimmed';

const PHONE = /^[0-9+()\-. ]{7,40}$/;
const CALENDAR_DATE = { strict: true } as const;

/** The fields a participant's record holds, all optional: PATCH sends what changed. */
export class ParticipantFieldsDto {
  @ApiPropertyOptional() @IsOptional() @trimmed() @IsString() @Length(1, 100) legalFirstName?: string;
  @ApiPropertyOptional() @IsOptional() @trimmed() @IsString() @Length(1, 100) legalLastName?: string;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @trimmedOrNull() @IsString() @Length(1, 100) preferredName?: string | null;
  @ApiPropertyOptional({ nullable: true, example: 'they/them' }) @IsOptional() @trimmedOrNull() @IsString() @Length(1, 40) pronouns?: string | null;

  @ApiPropertyOptional({ example: '1990-04-12' })
  @IsOptional()
  @IsDateString(CALENDAR_DATE)
  @Length(10, 10)
  dateOfBirth?: string;

  @ApiPropertyOptional({ nullable: true }) @IsOptional() @trimmedOrNull() @IsString() @Matches(PHONE, { message: 'Give a phone number (digits, spaces, + ( ) - .).' }) phone?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @trimmedOrNull() @IsEmail() @Length(3, 254) email?: string | null;
  @ApiPropertyOptional({ enum: ContactMethods, nullable: true }) @IsOptional() @IsIn([...ContactMethods, null]) preferredContactMethod?: ContactMethod | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() okToText?: boolean;

  @ApiPropertyOptional({ enum: RecoveryPathways, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(RecoveryPathways, { each: true })
  recoveryPathways?: RecoveryPathway[];

  @ApiPropertyOptional({ type: [String], example: ['alcohol', 'opioids'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(12)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 40, { each: true })
  primarySubstances?: string[];

  @ApiPropertyOptional({ nullable: true }) @IsOptional() @trimmedOrNull() @IsString() @Length(1, 200) referralSource?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @trimmedOrNull() @IsString() @Length(1, 200) emergencyContactName?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @trimmedOrNull() @IsString() @Matches(PHONE, { message: 'Give a phone number (digits, spaces, + ( ) - .).' }) emergencyContactPhone?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @trimmedOrNull() @IsString() @Length(1, 60) emergencyContactRelationship?: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'Intake notes (no more than 4000 characters)' }) @IsOptional() @trimmedOrNull() @IsString() @Length(1, 4000) intakeNotes?: string | null;
}

class IdentityDto {
  @ApiProperty() @trimmed() @IsString() @Length(1, 100) legalFirstName!: string;
  @ApiProperty() @trimmed() @IsString() @Length(1, 100) legalLastName!: string;
  @ApiProperty({ example: '1990-04-12' }) @IsDateString(CALENDAR_DATE) @Length(10, 10) dateOfBirth!: string;
}

/** Intake: a new participant, referred, Part 2 protected always. */
export class CreateParticipantDto extends IntersectionType(IdentityDto, OmitType(ParticipantFieldsDto, ['legalFirstName', 'legalLastName', 'dateOfBirth'] as const)) {
  @ApiPropertyOptional({ description: 'Primary specialist; a specialist doing intake is the default (and the only choice)' })
  @IsOptional()
  @IsUUID()
  primarySpecialistId?: string;

  @ApiPropertyOptional({ description: 'Set after the duplicate warning: this is not one of the possible matches' })
  @IsOptional()
  @IsBoolean()
  confirmedNotDuplicate?: boolean;
}

export class UpdateParticipantDto extends ParticipantFieldsDto {
  @ApiProperty({ description: 'The version this change is based on; a stale one gets 409' }) @IsInt() @Min(1) @Max(INT4_MAX) version!: number;
}

export class DuplicateCheckDto {
  @ApiProperty() @trimmed() @IsString() @Length(1, 100) legalFirstName!: string;
  @ApiProperty() @trimmed() @IsString() @Length(1, 100) legalLastName!: string;
  @ApiPropertyOptional() @IsOptional() @trimmedOrNull() @IsString() @Length(1, 100) preferredName?: string | null;
  @ApiProperty({ example: '1990-04-12' }) @IsDateString(CALENDAR_DATE) @Length(10, 10) dateOfBirth!: string;
}

export class ChangeStatusDto {
  @ApiProperty({ enum: ParticipantStatuses }) @IsIn(ParticipantStatuses) status!: ParticipantStatus;
  @ApiPropertyOptional({ description: 'When it took effect (default today; not in the future)', example: '2026-11-02' })
  @IsOptional()
  @IsDateString(CALENDAR_DATE)
  @Length(10, 10)
  effectiveOn?: string;
  @ApiPropertyOptional({ description: 'Required for a discharge (3–500 characters)' }) @IsOptional() @trimmedOrNull() @IsString() @Length(3, 500) reason?: string | null;
  @ApiProperty() @IsInt() @Min(1) @Max(INT4_MAX) version!: number;
}

export class CreateAssignmentDto {
  @ApiProperty() @IsUUID() specialistId!: string;
  @ApiProperty({ enum: AssignmentKinds }) @IsIn(AssignmentKinds) kind!: AssignmentKind;
  @ApiPropertyOptional({ description: 'Effective date of the assignment or transfer (default today; today or later)' })
  @IsOptional()
  @IsDateString(CALENDAR_DATE)
  @Length(10, 10)
  startsOn?: string;
}

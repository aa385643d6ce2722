import { INT4_MAX, queryInt } from '@waypoint/api-http';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Roles, type Role } from '@waypoint/shared-contracts';
import { IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateIf } from 'class-validator';

export class CreateUserDto {
  @ApiProperty() @IsEmail() @Length(3, 254) email!: string;
  @ApiProperty() @IsString() @Length(1, 200) displayName!: string;
  @ApiProperty({ enum: Roles }) @IsIn(Roles) role!: Role;
  @ApiPropertyOptional() @IsOptional() @IsUUID() teamId?: string;
  @ApiPropertyOptional({ description: 'Clinicians: their provider organization' }) @IsOptional() @IsUUID() organizationId?: string;
}

/** Only these fields can change here; status, MFA and sessions have their own commands. */
export class UpdateUserDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) displayName?: string;
  @ApiPropertyOptional({ enum: Roles }) @IsOptional() @IsIn(Roles) role?: Role;
  @ApiPropertyOptional({ nullable: true, description: 'null removes the user from their team' })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @IsUUID()
  teamId?: string | null;
  @ApiProperty({ description: 'The version you read; a stale one gets 409' }) @IsInt() @Min(1) @Max(INT4_MAX) version!: number;
}

/** Unlocking names the version the admin was looking at, like every other change to a user. */
export class UnlockUserDto {
  @ApiProperty({ description: 'The version you read; a stale one gets 409', minimum: 1, maximum: INT4_MAX })
  @IsInt()
  @Min(1)
  @Max(INT4_MAX)
  version!: number;
}

export class ListUsersQuery {
  @ApiPropertyOptional({ default: 25, maximum: 100 }) @IsOptional() @queryInt() @IsInt() @Min(1) @Max(100) limit?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) cursor?: string;
}

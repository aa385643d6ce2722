import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

export class SignInDto {
  @ApiProperty({ example: 'specialist@demo.waypoint.test' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  /** Checked against the hash only; the policy applies when a password is set, not here. */
  @ApiProperty()
  @IsString()
  @Length(1, 1024)
  password!: string;
}

export class SecondFactorDto {
  @ApiPropertyOptional({ description: 'The 6-digit code from the authenticator app', example: '123456' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits your authenticator app shows' })
  code?: string;

  @ApiPropertyOptional({ description: 'One of the ten recovery codes, instead of a code' })
  @IsOptional()
  @IsString()
  @Length(10, 20)
  recoveryCode?: string;
}

import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class ChangePasswordDto {
  @ApiProperty() @IsString() @Length(1, 1024) currentPassword!: string;
  /** Length and commonness are checked by the password policy, with a clear message. */
  @ApiProperty({ minLength: 12, maxLength: 128 }) @IsString() @Length(1, 1024) newPassword!: string;
}

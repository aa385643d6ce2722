import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { Audited } from '@waypoint/api-audit';
import { IsInt, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import type { AuthContext } from '../guard/auth-context';
import { CurrentUser, RequirePermission } from '../guard/route-declarations';
import { ApiTokenStore } from './api-token.store';

export class IssueApiTokenDto {
  @ApiProperty() @IsUUID() userId!: string;
  @ApiProperty({ example: 'Nightly export script' }) @IsString() @Length(1, 100) name!: string;
  @ApiProperty({ minimum: 1, maximum: 365 }) @IsInt() @Min(1) @Max(365) expiresInDays!: number;
}

/** Personal API tokens, issued and revoked by admins; sent as `Authorization: Bearer wpt_…`. */
@ApiTags('api tokens')
@RequirePermission('api-tokens:manage')
@Controller('api-tokens')
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokenStore) {}

  @Post()
  @Audited({ action: 'api-token.issue', resourceType: 'api_token', alert: true })
  issue(@CurrentUser() admin: AuthContext, @Body() body: IssueApiTokenDto) {
    return this.tokens.issue(admin, body);
  }

  @Get()
  @Audited({ action: 'api-token.list', resourceType: 'api_token' })
  list(@CurrentUser() admin: AuthContext) {
    return this.tokens.list(admin);
  }

  @Post(':id/revoke')
  @HttpCode(204)
  @Audited({ action: 'api-token.revoke', resourceType: 'api_token', idParam: 'id', alert: true })
  async revoke(@CurrentUser() admin: AuthContext, @Param('id', new ParseUUIDPipe()) id: string) {
    await this.tokens.revoke(admin, id);
  }
}

import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Audited } from '@waypoint/api-audit';
import { type AuthContext, CurrentUser, RequirePermission } from '@waypoint/api-auth';
import { CreateUserDto, ListUsersQuery, UnlockUserDto, UpdateUserDto } from './dto/user.dto';
import { UsersService } from './users.service';

const id = new ParseUUIDPipe();

@ApiTags('users')
@RequirePermission('users:manage')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Audited({ action: 'user.list', resourceType: 'user' })
  list(@CurrentUser() admin: AuthContext, @Query() query: ListUsersQuery) {
    return this.users.list(admin, query.limit, query.cursor);
  }

  @Post()
  @Audited({ action: 'user.create', resourceType: 'user' })
  create(@CurrentUser() admin: AuthContext, @Body() body: CreateUserDto) {
    return this.users.create(admin, body);
  }

  @Get(':id')
  @Audited({ action: 'user.read', resourceType: 'user', idParam: 'id' })
  get(@CurrentUser() admin: AuthContext, @Param('id', id) userId: string) {
    return this.users.get(admin, userId);
  }

  @Patch(':id')
  @Audited({ action: 'user.update', resourceType: 'user', idParam: 'id' })
  update(@CurrentUser() admin: AuthContext, @Param('id', id) userId: string, @Body() body: UpdateUserDto) {
    return this.users.update(admin, userId, body);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @Audited({ action: 'user.disable', resourceType: 'user', idParam: 'id', alert: true })
  disable(@CurrentUser() admin: AuthContext, @Param('id', id) userId: string) {
    return this.users.setStatus(admin, userId, 'disabled');
  }

  @Post(':id/enable')
  @HttpCode(200)
  @Audited({ action: 'user.enable', resourceType: 'user', idParam: 'id' })
  enable(@CurrentUser() admin: AuthContext, @Param('id', id) userId: string) {
    return this.users.setStatus(admin, userId, 'active');
  }

  /** Ends a sign-in lockout early (the user called and was verified): a security event. */
  @Post(':id/unlock')
  @HttpCode(200)
  @Audited({ action: 'user.unlock', resourceType: 'user', idParam: 'id', alert: true })
  unlock(@CurrentUser() admin: AuthContext, @Param('id', id) userId: string, @Body() body: UnlockUserDto) {
    return this.users.unlock(admin, userId, body.version);
  }

  @Post(':id/reset-mfa')
  @HttpCode(200)
  @Audited({ action: 'user.reset-mfa', resourceType: 'user', idParam: 'id', alert: true })
  resetMfa(@CurrentUser() admin: AuthContext, @Param('id', id) userId: string) {
    return this.users.resetMfa(admin, userId);
  }

  @Post(':id/sign-out-everywhere')
  @HttpCode(200)
  @Audited({ action: 'user.sign-out-everywhere', resourceType: 'user', idParam: 'id' })
  signOutEverywhere(@CurrentUser() admin: AuthContext, @Param('id', id) userId: string) {
    return this.users.signOutEverywhere(admin, userId);
  }
}

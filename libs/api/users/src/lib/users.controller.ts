import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type AuthContext, CurrentUser, RequirePermission } from '@waypoint/api-auth';
import { CreateUserDto, ListUsersQuery, UpdateUserDto } from './dto/user.dto';
import { UsersService } from './users.service';

const id = new ParseUUIDPipe();

@ApiTags('users')
@RequirePermission('users:manage')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  list(@CurrentUser() admin: AuthContext, @Query() query: ListUsersQuery) {
    return this.users.list(admin, query.limit, query.cursor);
  }

  @Post()
  create(@CurrentUser() admin: AuthContext, @Body() body: CreateUserDto) {
    return this.users.create(admin, body);
  }

  @Get(':id')
  get(@CurrentUser() admin: AuthContext, @Param('id', id) userId: string) {
    return this.users.get(admin, userId);
  }

  @Patch(':id')
  update(@CurrentUser() admin: AuthContext, @Param('id', id) userId: string, @Body() body: UpdateUserDto) {
    return this.users.update(admin, userId, body);
  }

  @Post(':id/disable')
  @HttpCode(200)
  disable(@CurrentUser() admin: AuthContext, @Param('id', id) userId: string) {
    return this.users.setStatus(admin, userId, 'disabled');
  }

  @Post(':id/enable')
  @HttpCode(200)
  enable(@CurrentUser() admin: AuthContext, @Param('id', id) userId: string) {
    return this.users.setStatus(admin, userId, 'active');
  }

  @Post(':id/reset-mfa')
  @HttpCode(200)
  resetMfa(@CurrentUser() admin: AuthContext, @Param('id', id) userId: string) {
    return this.users.resetMfa(admin, userId);
  }

  @Post(':id/sign-out-everywhere')
  @HttpCode(200)
  signOutEverywhere(@CurrentUser() admin: AuthContext, @Param('id', id) userId: string) {
    return this.users.signOutEverywhere(admin, userId);
  }
}

import { Controller, Get } from '@nestjs/common';
import { queryable } from '@waypoint/api-database';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiTags } from '@nestjs/swagger';
import { NotAudited } from '@waypoint/api-audit';
import { type AuthContext, CurrentUser, RequirePermission } from '@waypoint/api-auth';
import type { DataSource } from 'typeorm';

/** Teams of the caller's program, for the user-administration forms. */
@ApiTags('users')
@RequirePermission('users:manage')
@Controller('teams')
export class TeamsController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get()
  @NotAudited('Team names of the caller\'s program, for a form: no protected data')
  async list(@CurrentUser() admin: AuthContext) {
    const items = await queryable(this.db).query(`SELECT id, name FROM teams WHERE program_id = $1 ORDER BY name LIMIT 200`, [admin.programId]);
    return { items };
  }
}

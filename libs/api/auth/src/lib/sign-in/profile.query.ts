import { Injectable } from '@nestjs/common';
import { queryable } from '@waypoint/api-database';
import { InjectDataSource } from '@nestjs/typeorm';
import { ROLE_PERMISSIONS, type Role } from '@waypoint/shared-contracts';
import type { DataSource } from 'typeorm';

/** What the dashboard needs to know about the signed-in person (never secrets or hashes). */
@Injectable()
export class ProfileQuery {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async forUser(userId: string) {
    const [row] = await queryable(this.db).query(
      `SELECT u.id, u.email, u.display_name AS "displayName", u.role, u.credentials, u.team_id AS "teamId",
              u.organization_id AS "organizationId", p.name AS "programName", p.time_zone AS "timeZone"
         FROM users u JOIN programs p ON p.id = u.program_id WHERE u.id = $1`,
      [userId],
    );
    if (!row) return undefined;
    return { ...row, permissions: [...ROLE_PERMISSIONS[row.role as Role]] };
  }
}

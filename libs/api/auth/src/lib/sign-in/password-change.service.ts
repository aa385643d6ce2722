import { Injectable } from '@nestjs/common';
import { queryable } from '@waypoint/api-database';
import { InjectDataSource } from '@nestjs/typeorm';
import { hashPassword, passwordProblem, verifyPassword } from '@waypoint/api-credentials';
import { ValidationProblemException } from '@waypoint/api-http';
import type { DataSource } from 'typeorm';
import type { AuthContext } from '../guard/auth-context';
import { SessionStore } from '../session/session.store';
import { AccountStore } from './account.store';

/** Changing a password needs the current one and ends every other session of the user. */
@Injectable()
export class PasswordChangeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly accounts: AccountStore,
    private readonly sessions: SessionStore,
  ) {}

  async change(user: AuthContext, currentPassword: string, newPassword: string): Promise<void> {
    const account = await this.accounts.byId(user.userId);
    if (!account || !(await verifyPassword(account.passwordHash, currentPassword))) {
      // A field error, not 401: the caller is signed in, only this answer is wrong. It still
      // counts toward the lockout, so a stolen session cannot guess the password freely.
      if (account) await this.accounts.recordFailure(account.id);
      throw new ValidationProblemException({ currentPassword: ['The current password is not right.'] });
    }
    const problem = passwordProblem(newPassword, { email: account.email });
    if (problem) throw new ValidationProblemException({ newPassword: [problem] });
    if (await verifyPassword(account.passwordHash, newPassword)) {
      throw new ValidationProblemException({ newPassword: ['Choose a password you have not used here before.'] });
    }
    await queryable(this.db).query(`UPDATE users SET password_hash = $2, password_changed_at = now(), version = version + 1 WHERE id = $1`, [
      user.userId,
      await hashPassword(newPassword),
    ]);
    await this.sessions.revokeAllForUser(user.userId, 'password-changed', user.sessionId ?? undefined);
  }
}

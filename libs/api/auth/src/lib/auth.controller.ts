import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Audited, NotAudited } from '@waypoint/api-audit';
import { APP_CONFIG, type AppConfig } from '@waypoint/api-config';
import type { Request, Response } from 'express';
import { type AuthContext, sessionIdOf } from './guard/auth-context';
import { CurrentUser, Public, RequirePermission } from './guard/route-declarations';
import { ChangePasswordDto } from './dto/change-password.dto';
import { SecondFactorDto, SignInDto } from './dto/sign-in.dto';
import { signToken } from './session/access-token';
import {
  clearMfaChallengeCookie,
  clearSessionCookies,
  cookieNames,
  readCookie,
  setMfaChallengeCookie,
  setSessionCookies,
} from './session/auth-cookies';
import { csrfTokenFor } from './session/csrf';
import { SecurityEvents } from './security/security-events';
import { SessionStore } from './session/session.store';
import { SignInThrottle } from './throttling/sign-in-throttle';
import { PasswordChangeService } from './sign-in/password-change.service';
import { ProfileQuery } from './sign-in/profile.query';
import { SignInService } from './sign-in/sign-in.service';

/** Sign-in, sessions and the signed-in person. Thin: the rules live in the services. */
@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly signIn: SignInService,
    private readonly sessions: SessionStore,
    private readonly profiles: ProfileQuery,
    private readonly passwords: PasswordChangeService,
    private readonly securityEvents: SecurityEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @SignInThrottle()
  @Post('sign-in')
  @NotAudited('Sign-in writes its own security events (auth.password, auth.mfa, auth.sign-in, auth.lockout) from the service, for whoever the attempt names')
  @HttpCode(200)
  async passwordStep(@Body() body: SignInDto, @Res({ passthrough: true }) res: Response) {
    const { challenge, mfaEnrolled } = await this.signIn.checkPassword(body.email, body.password);
    setMfaChallengeCookie(res, this.config.sessions, challenge);
    return { next: mfaEnrolled ? 'mfa' : 'mfa-enrollment' };
  }

  @Public()
  @SignInThrottle()
  @Post('mfa/enrollment')
  @NotAudited('The enrolment secret for a half-signed-in user; the step that uses it (mfa/verify) is recorded')
  @HttpCode(200)
  enrollment(@Req() req: Request) {
    return this.signIn.startEnrollment(readCookie(req, cookieNames(this.config.sessions).mfa));
  }

  @Public()
  @SignInThrottle()
  @Post('mfa/verify')
  @NotAudited('Sign-in writes its own security events (auth.password, auth.mfa, auth.sign-in, auth.lockout) from the service, for whoever the attempt names')
  @HttpCode(200)
  async secondFactor(@Body() body: SecondFactorDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const challenge = readCookie(req, cookieNames(this.config.sessions).mfa);
    const { account, recoveryCodes } = await this.signIn.checkSecondFactor(challenge, body);
    const { sessionId, refreshToken } = await this.sessions.create(account, { ip: req.ip, userAgent: req.get('user-agent') });
    clearMfaChallengeCookie(res, this.config.sessions);
    this.issueCookies(res, account.id, sessionId, refreshToken);
    return { user: await this.profiles.forUser(account.id), recoveryCodes };
  }

  /** Rotates the refresh token; a used one presented again ends the whole session. */
  @Public()
  @SignInThrottle()
  @Post('refresh')
  @NotAudited('Rotating one\'s own session reads no protected data; a reused refresh token is recorded as auth.refresh-token-reuse')
  @HttpCode(200)
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const token = readCookie(req, cookieNames(this.config.sessions).refresh);
    const result = token ? await this.sessions.rotate(token) : { outcome: 'invalid' as const };
    if (result.outcome === 'reused') {
      await this.securityEvents.record('auth.refresh-token-reuse', 'denied', {
        programId: result.programId,
        actorId: result.userId,
        resourceType: 'session',
        resourceId: result.sessionId,
      });
    }
    if (result.outcome !== 'rotated') {
      clearSessionCookies(res, this.config.sessions);
      throw new UnauthorizedException('Your session has ended. Please sign in again.');
    }
    this.issueCookies(res, result.userId, result.sessionId, result.refreshToken);
    return { refreshed: true };
  }

  @RequirePermission('session:own')
  @Post('sign-out')
  @NotAudited('The handler records auth.sign-out itself, after the session is revoked')
  @HttpCode(204)
  async signOut(@CurrentUser() user: AuthContext, @Res({ passthrough: true }) res: Response) {
    await this.sessions.revoke(sessionIdOf(user), 'signed-out');
    await this.securityEvents.record('auth.sign-out', 'success', {
      programId: user.programId,
      actorId: user.userId,
      actorRole: user.role,
      resourceType: 'session',
      resourceId: sessionIdOf(user),
    });
    clearSessionCookies(res, this.config.sessions);
  }

  @RequirePermission('session:own')
  @Get('me')
  @NotAudited('The caller\'s own profile and session: asked on every page load, no protected data')
  async me(@CurrentUser() user: AuthContext) {
    // The guard already read the session; no second lookup.
    return { user: await this.profiles.forUser(user.userId), session: { id: sessionIdOf(user), ...user.sessionExpiry } };
  }

  @RequirePermission('session:own')
  @Get('sessions')
  @NotAudited('The caller\'s own sessions (device and time): no protected data')
  async listSessions(@CurrentUser() user: AuthContext) {
    const sessions = await this.sessions.listActive(user.userId);
    return { items: sessions.map((session) => ({ ...session, current: session.id === user.sessionId })) };
  }

  @RequirePermission('session:own')
  @Delete('sessions/:id')
  @Audited({ action: 'auth.session-end', resourceType: 'session', idParam: 'id' })
  @HttpCode(204)
  async endSession(@CurrentUser() user: AuthContext, @Param('id', new ParseUUIDPipe()) id: string) {
    if (!(await this.sessions.revokeOwn(user.userId, id))) throw new NotFoundException('No such session.');
  }

  @RequirePermission('session:own')
  @Post('password')
  // Not @Audited: that would run the change in one transaction with its row, and a wrong current
  // password would roll back the failed-attempt count it adds toward the lockout.
  @NotAudited('The handler records auth.password-change itself once the change is made; wrong answers count toward the lockout')
  @HttpCode(204)
  async changePassword(@CurrentUser() user: AuthContext, @Body() body: ChangePasswordDto) {
    await this.passwords.change(user, body.currentPassword, body.newPassword);
    await this.securityEvents.record('auth.password-change', 'success', {
      programId: user.programId,
      actorId: user.userId,
      actorRole: user.role,
      resourceType: 'user',
      resourceId: user.userId,
    });
  }

  private issueCookies(res: Response, userId: string, sessionId: string, refreshToken: string): void {
    const secret = this.config.secrets.jwtSecret;
    const access = signToken(secret, { sub: userId, sid: sessionId }, this.config.sessions.accessTokenMinutes * 60, 'access');
    setSessionCookies(res, this.config.sessions, { access, refresh: refreshToken, csrf: csrfTokenFor(secret, sessionId) });
  }
}



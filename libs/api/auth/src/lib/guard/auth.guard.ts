import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '@waypoint/api-config';
import { type Permission, roleCan } from '@waypoint/shared-contracts';
import type { Request } from 'express';
import { type AccessClaims, verifyToken } from '../session/access-token';
import { cookieNames, CSRF_HEADER, readCookie } from '../session/auth-cookies';
import { csrfTokenMatches } from '../session/csrf';
import { SecurityEvents } from '../security/security-events';
import { SessionStore } from '../session/session.store';
import { ApiTokenStore } from '../api-tokens/api-token.store';
import { AUTH_CONTEXT, type AuthContext } from './auth-context';
import { PUBLIC_ROUTE, REQUIRED_PERMISSION } from './route-declarations';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The global guard: deny unless the route says otherwise. In order:
 * 1. `@Public()` routes pass (sign-in, health).
 * 2. A route with no `@RequirePermission` is refused (a forgotten declaration fails closed).
 *    (A personal API token in `Authorization: Bearer` replaces steps 3 and 4; see allowApiToken.)
 * 3. The access token (HttpOnly cookie; HS256 only; iss, aud, exp, nbf checked) must name a
 *    session that is live in the database: logout, disable and "sign out everywhere" apply at once.
 * 4. State-changing requests must carry the session's CSRF token.
 * 5. The role must hold the permission.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionStore,
    private readonly apiTokens: ApiTokenStore,
    private readonly events: SecurityEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    if (!permission) throw new ForbiddenException('This route declares no permission, so nobody may call it.');

    const request = context.switchToHttp().getRequest<Request & { [AUTH_CONTEXT]?: AuthContext }>();
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) return this.allowApiToken(request, authorization.slice(7).trim(), permission);
    const secret = this.config.secrets.jwtSecret;
    const token = readCookie(request, cookieNames(this.config.sessions).access);
    const claims = token ? verifyToken<AccessClaims>(secret, token, 'access') : undefined;
    const session = claims?.sid ? await this.sessions.findActive(claims.sid, claims.sub) : undefined;
    if (!session) throw new UnauthorizedException('Your session has ended. Please sign in again.');

    if (!SAFE_METHODS.has(request.method) && !csrfTokenMatches(secret, session.sessionId, request.headers[CSRF_HEADER])) {
      throw new ForbiddenException('The request is missing its CSRF token. Reload the page and try again.');
    }
    if (!roleCan(session.role, permission)) {
      await this.#denied(request, { programId: session.programId, actorId: session.userId, actorRole: session.role });
      throw new ForbiddenException('Your role does not allow this.');
    }

    request[AUTH_CONTEXT] = {
      userId: session.userId,
      programId: session.programId,
      role: session.role,
      teamId: session.teamId,
      organizationId: session.organizationId,
      sessionId: session.sessionId,
      via: 'session',
      sessionExpiry: { idleExpiresAt: session.idleExpiresAt, expiresAt: session.expiresAt },
    };
    if (session.dueForTouch) await this.sessions.touch(session.sessionId);
    return true;
  }

  /**
   * Scripts and integrations: a personal API token in `Authorization: Bearer`. No CSRF check
   * (a browser never attaches this header on its own). The token's role and the user's current
   * role must both hold the permission, and tokens never manage sessions or passwords.
   */
  private async allowApiToken(request: Request & { [AUTH_CONTEXT]?: AuthContext }, token: string, permission: Permission) {
    const caller = await this.apiTokens.authenticate(token);
    if (!caller) throw new UnauthorizedException('The API token is not valid, has expired or was revoked.');
    const allowed = permission !== 'session:own' && roleCan(caller.role, permission) && roleCan(caller.tokenRole, permission);
    if (!allowed) {
      await this.#denied(request, { programId: caller.programId, actorId: caller.userId, actorRole: caller.role });
      throw new ForbiddenException('This API token does not allow this.');
    }
    request[AUTH_CONTEXT] = {
      userId: caller.userId,
      programId: caller.programId,
      role: caller.role,
      teamId: caller.teamId,
      organizationId: caller.organizationId,
      sessionId: null,
      via: 'api-token',
    };
    return true;
  }

  /** A signed-in caller refused by role: a security event naming the route, never its data. */
  async #denied(request: Request, actor: { programId: string; actorId: string; actorRole: string }): Promise<void> {
    const route = (request.route as { path?: string } | undefined)?.path ?? request.path;
    await this.events.record('access.denied', 'denied', { ...actor, resourceType: 'route', resourceId: `${request.method} ${route}`.slice(0, 64) });
  }
}

import { createParamDecorator, type ExecutionContext, SetMetadata, UnauthorizedException } from '@nestjs/common';
import type { Permission } from '@waypoint/shared-contracts';
import { AUTH_CONTEXT, type AuthContext } from './auth-context';

export const PUBLIC_ROUTE = 'waypoint:public';
export const REQUIRED_PERMISSION = 'waypoint:permission';

/**
 * Every route declares exactly one of these (a test walks all routes to make sure):
 * `@Public()` for what anyone may call (sign-in, health), `@RequirePermission(p)` otherwise.
 * The global guard denies a route that declares neither.
 */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);
export const RequirePermission = (permission: Permission) => SetMetadata(REQUIRED_PERMISSION, permission);

/** The caller's {@link AuthContext}; only on routes that are not public. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthContext => {
  const auth = context.switchToHttp().getRequest()[AUTH_CONTEXT] as AuthContext | undefined;
  if (!auth) throw new UnauthorizedException();
  return auth;
});

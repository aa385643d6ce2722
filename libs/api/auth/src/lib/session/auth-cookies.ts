import type { SessionConfig } from '@waypoint/api-config';
import type { CookieOptions, Request, Response } from 'express';

/**
 * Tokens live only in HttpOnly, SameSite=Strict cookies: page script can never read them and
 * they never appear in a URL. With Secure cookies the names carry the `__Host-` prefix (bound
 * to this origin, path /) or `__Secure-` (the refresh cookie, scoped to the auth routes).
 * The CSRF cookie is the one script may read: it echoes it in the X-CSRF-Token header.
 */
export const REFRESH_PATH = '/api/v1/auth';
export const CSRF_HEADER = 'x-csrf-token';

export function cookieNames(config: SessionConfig) {
  const host = config.secureCookies ? '__Host-' : '';
  const secure = config.secureCookies ? '__Secure-' : '';
  return { access: `${host}wp_at`, csrf: `${host}wp_csrf`, refresh: `${secure}wp_rt`, mfa: `${secure}wp_mfa` };
}

function base(config: SessionConfig, path: string, maxAgeMs: number, httpOnly = true): CookieOptions {
  return { httpOnly, secure: config.secureCookies, sameSite: 'strict', path, maxAge: maxAgeMs };
}

export function setSessionCookies(
  res: Response,
  config: SessionConfig,
  tokens: { access: string; refresh: string; csrf: string },
): void {
  const names = cookieNames(config);
  const absoluteMs = config.absoluteHours * 3600_000;
  res.cookie(names.access, tokens.access, base(config, '/', config.accessTokenMinutes * 60_000));
  res.cookie(names.refresh, tokens.refresh, base(config, REFRESH_PATH, absoluteMs));
  res.cookie(names.csrf, tokens.csrf, base(config, '/', absoluteMs, false));
}

export function clearSessionCookies(res: Response, config: SessionConfig): void {
  const names = cookieNames(config);
  const expired = (path: string, httpOnly = true) => ({ ...base(config, path, 0, httpOnly), maxAge: undefined, expires: new Date(0) });
  res.cookie(names.access, '', expired('/'));
  res.cookie(names.refresh, '', expired(REFRESH_PATH));
  res.cookie(names.csrf, '', expired('/', false));
}

export function setMfaChallengeCookie(res: Response, config: SessionConfig, token: string): void {
  res.cookie(cookieNames(config).mfa, token, base(config, REFRESH_PATH, 5 * 60_000));
}

export function clearMfaChallengeCookie(res: Response, config: SessionConfig): void {
  res.cookie(cookieNames(config).mfa, '', { ...base(config, REFRESH_PATH, 0), maxAge: undefined, expires: new Date(0) });
}

export function readCookie(req: Request, name: string): string | undefined {
  const value = (req.cookies as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' && value.length > 0 && value.length < 4096 ? value : undefined;
}

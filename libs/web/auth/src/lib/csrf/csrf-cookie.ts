/**
 * Names the API gives the CSRF cookie: `__Host-` prefixed when served over https (bound to
 * this origin), plain on http://localhost. The prefixed one wins if both are somehow present.
 */
export const CSRF_COOKIE_NAMES = ['__Host-wp_csrf', 'wp_csrf'] as const;
export const CSRF_HEADER = 'X-CSRF-Token';

/** The session's CSRF token, or null when there is no session cookie (signed out). */
export function readCsrfToken(cookies: string): string | null {
  const jar = new Map<string, string>();
  for (const pair of cookies.split(';')) {
    const separator = pair.indexOf('=');
    if (separator < 0) continue;
    const name = pair.slice(0, separator).trim();
    const value = pair.slice(separator + 1).trim();
    if (value && !jar.has(name)) jar.set(name, value);
  }
  for (const name of CSRF_COOKIE_NAMES) {
    const value = jar.get(name);
    if (value) return safeDecode(value);
  }
  return null;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

import jwt from 'jsonwebtoken';

const ISSUER = 'waypoint';
const AUDIENCE = 'waypoint-api';
/** The only algorithm accepted: `alg: none` and key-confusion tricks are refused outright. */
const ALGORITHM = 'HS256';

export interface AccessClaims {
  sub: string; // user id
  sid: string; // session id
}

/** Signs a short-lived access token; `purpose` separates MFA challenges from sessions. */
export function signToken(secret: string, claims: object, lifetimeSeconds: number, purpose: 'access' | 'mfa'): string {
  return jwt.sign({ ...claims, pur: purpose }, secret, {
    algorithm: ALGORITHM,
    expiresIn: lifetimeSeconds,
    notBefore: 0,
    issuer: ISSUER,
    audience: AUDIENCE,
  });
}

/** The claims of a valid token of the given purpose, or `undefined` (expired, forged, wrong kind). */
export function verifyToken<T extends object>(secret: string, token: string, purpose: 'access' | 'mfa'): T | undefined {
  try {
    const claims = jwt.verify(token, secret, {
      algorithms: [ALGORITHM],
      issuer: ISSUER,
      audience: AUDIENCE,
      clockTolerance: 5,
    }) as jwt.JwtPayload;
    return claims['pur'] === purpose && typeof claims.sub === 'string' ? (claims as T) : undefined;
  } catch {
    return undefined;
  }
}

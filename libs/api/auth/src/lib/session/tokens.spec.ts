import jwt from 'jsonwebtoken';
import { signToken, verifyToken } from './access-token';
import { csrfTokenFor, csrfTokenMatches } from './csrf';

const secret = 'a-test-secret-that-is-long-enough-for-hs256';

describe('access tokens', () => {
  it('round-trips the claims of the right purpose only', () => {
    const token = signToken(secret, { sub: 'user-1', sid: 'session-1' }, 60, 'access');
    expect(verifyToken(secret, token, 'access')).toMatchObject({ sub: 'user-1', sid: 'session-1' });
    expect(verifyToken(secret, token, 'mfa')).toBeUndefined();
  });

  it('refuses alg:none, another algorithm, another issuer and expiry', () => {
    const none = jwt.sign({ sub: 'u', pur: 'access' }, '', { algorithm: 'none', issuer: 'waypoint', audience: 'waypoint-api' });
    expect(verifyToken(secret, none, 'access')).toBeUndefined();
    const hs512 = jwt.sign({ sub: 'u', pur: 'access' }, secret, { algorithm: 'HS512', issuer: 'waypoint', audience: 'waypoint-api' });
    expect(verifyToken(secret, hs512, 'access')).toBeUndefined();
    const elsewhere = jwt.sign({ sub: 'u', pur: 'access' }, secret, { algorithm: 'HS256', issuer: 'other', audience: 'waypoint-api' });
    expect(verifyToken(secret, elsewhere, 'access')).toBeUndefined();
    expect(verifyToken(secret, signToken(secret, { sub: 'u' }, -10, 'access'), 'access')).toBeUndefined();
    const notYet = jwt.sign({ sub: 'u', pur: 'access' }, secret, { algorithm: 'HS256', issuer: 'waypoint', audience: 'waypoint-api', notBefore: 120 });
    expect(verifyToken(secret, notYet, 'access')).toBeUndefined();
  });
});

describe('CSRF tokens', () => {
  it('are bound to the session and the server secret', () => {
    const token = csrfTokenFor(secret, 'session-1');
    expect(csrfTokenMatches(secret, 'session-1', token)).toBe(true);
    expect(csrfTokenMatches(secret, 'session-2', token)).toBe(false);
    expect(csrfTokenMatches('another-secret-of-enough-length-000000', 'session-1', token)).toBe(false);
    expect(csrfTokenMatches(secret, 'session-1', undefined)).toBe(false);
    expect(csrfTokenMatches(secret, 'session-1', [token])).toBe(false);
  });
});

import { apiTokenStatus } from './api-token-status';

const now = Date.parse('2026-03-01T12:00:00.000Z');

describe('apiTokenStatus', () => {
  it('is active until it expires', () => {
    expect(apiTokenStatus({ expiresAt: '2026-03-01T12:00:01.000Z', revokedAt: null }, now)).toBe('active');
    expect(apiTokenStatus({ expiresAt: '2026-03-01T12:00:00.000Z', revokedAt: null }, now)).toBe('expired');
  });

  it('is revoked once revoked, expired or not', () => {
    const revokedAt = '2026-02-01T00:00:00.000Z';
    expect(apiTokenStatus({ expiresAt: '2026-06-01T00:00:00.000Z', revokedAt }, now)).toBe('revoked');
    expect(apiTokenStatus({ expiresAt: '2026-01-01T00:00:00.000Z', revokedAt }, now)).toBe('revoked');
  });
});

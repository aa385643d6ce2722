import { decodeCursor, encodeCursor } from './user-row';

describe('users keyset cursor', () => {
  it('round-trips the last email seen', () => {
    expect(decodeCursor(encodeCursor({ email: 'jordan.avery@demo.waypoint.test' }))).toBe('jordan.avery@demo.waypoint.test');
  });

  it.each(['', 'garbage', Buffer.from("x' OR 1=1 --").toString('base64url')])('refuses a cursor that is not an email (%p)', (cursor) => {
    expect(decodeCursor(cursor)).toBeUndefined();
  });
});

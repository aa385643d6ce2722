import { safeReturnTo } from './sign-in-url';

describe('safeReturnTo', () => {
  it.each(['/caseload', '/participants/1?tab=notes', '/admin/users#top'])('keeps the in-app path %s', (path) => {
    expect(safeReturnTo(path)).toBe(path);
  });

  it.each([null, undefined, '', 'caseload', 'https://evil.example/', '//evil.example/x', '/\\evil.example', '/sign-in?returnTo=/x'])(
    'refuses %p',
    (value) => {
      expect(safeReturnTo(value)).toBeNull();
    },
  );
});

import { isProblemDetails, ProblemType } from './problem-details';

describe('isProblemDetails', () => {
  it('accepts a problem with type, title and numeric status', () => {
    expect(isProblemDetails({ type: ProblemType.notFound, title: 'Not found', status: 404 })).toBe(true);
  });

  it.each([null, undefined, 'oops', 42, {}, { type: '/x', title: 'X' }, { type: '/x', title: 'X', status: '404' }])(
    'rejects %p',
    (value) => {
      expect(isProblemDetails(value)).toBe(false);
    },
  );
});

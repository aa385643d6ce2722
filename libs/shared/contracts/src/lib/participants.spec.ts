import { foldAccents } from './participants';

describe('foldAccents', () => {
  it('drops accents and case, so a name typed plainly finds its accented spelling', () => {
    expect(foldAccents('José Álvarez-Núñez')).toBe('jose alvarez-nunez');
    expect(foldAccents('ŁUKASZ Øberg')).toBe('łukasz øberg'); // letters of their own, not accented ones, are kept
    expect(foldAccents('ﬁona')).toBe('fiona');
  });
});

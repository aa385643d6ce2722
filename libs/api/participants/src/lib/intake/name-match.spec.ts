import { jaroWinkler, namesLookAlike, normalize } from './name-match';

describe('namesLookAlike', () => {
  const existing = { first: 'Danielle', last: 'Ortiz', preferred: 'Dani' };

  it.each([
    ['the same name', { first: 'Danielle', last: 'Ortiz' }],
    ['other case and spacing', { first: ' danielle', last: 'ORTIZ ' }],
    ['an accent', { first: 'Danièlle', last: 'Ortíz' }],
    ['a typo in each part', { first: 'Danille', last: 'Ortis' }],
    ['a short form', { first: 'Dan', last: 'Ortiz' }],
    ['the preferred name as first name', { first: 'Dani', last: 'Ortiz' }],
    ['first and last swapped', { first: 'Ortiz', last: 'Danielle' }],
  ])('matches %s', (_, entered) => {
    expect(namesLookAlike(entered, existing)).toBe(true);
  });

  it('matches hyphens and spaces in a double name', () => {
    expect(namesLookAlike({ first: 'Maryann', last: 'Smith Jones' }, { first: 'Mary-Ann', last: 'Smith-Jones' })).toBe(true);
  });

  it.each([
    ['another first name', { first: 'Marcus', last: 'Ortiz' }],
    ['another last name', { first: 'Danielle', last: 'Bell' }],
    ['a name sharing only the initial', { first: 'Dominic', last: 'Ortiz' }],
  ])('does not match %s', (_, entered) => {
    expect(namesLookAlike(entered, existing)).toBe(false);
  });
});

describe('jaroWinkler', () => {
  it('is 1 for equal strings, 0 for nothing in common, and the textbook value for MARTHA/MARHTA', () => {
    expect(jaroWinkler('ortiz', 'ortiz')).toBe(1);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
  });

  it('normalizes to letters only, without accents', () => {
    expect(normalize(" O'Brien-Núñez ")).toBe('obriennunez');
  });
});

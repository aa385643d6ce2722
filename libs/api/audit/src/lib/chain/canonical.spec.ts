import { canonicalRow, chainHash, GENESIS_HASH } from './canonical';

describe('canonical audit row', () => {
  it('length-prefixes every field by bytes and marks NULL', () => {
    expect(canonicalRow(['1', null, 'añ'])).toBe('1:1|~|3:añ');
  });

  it('cannot be forged by a value that contains the separator', () => {
    expect(canonicalRow(['a|2:b', null])).not.toBe(canonicalRow(['a', 'b', null]));
  });

  it('chains: each hash depends on the previous one', () => {
    const first = chainHash(GENESIS_HASH, ['1', 'x']);
    expect(chainHash(first, ['2', 'y'])).not.toEqual(chainHash(GENESIS_HASH, ['2', 'y']));
    expect(first).toHaveLength(32);
  });
});

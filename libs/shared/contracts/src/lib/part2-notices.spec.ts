import { PART2_NOTICE_SHORT } from './part2-notices';

describe('Part 2 notices', () => {
  it('quotes Statement 2 of §2.32 in its 2024 wording, with "use or"', () => {
    expect(PART2_NOTICE_SHORT).toEqual({ version: '2024', text: '42 CFR part 2 prohibits unauthorized use or disclosure of these records.' });
    expect(Object.isFrozen(PART2_NOTICE_SHORT)).toBe(true);
  });
});

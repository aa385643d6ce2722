import { addedTopic, sameSettings } from './topic-list';

describe('adding a topic', () => {
  it('adds the program’s own topic tidied, and a built-in label as its key', () => {
    expect(addedTopic(['housing'], '  Reentry   support ')).toEqual({ topics: ['housing', 'Reentry support'] });
    expect(addedTopic(['housing'], 'physical health')).toEqual({ topics: ['housing', 'physical_health'] });
  });

  it('refuses a topic past the length limit, or a 61st topic', () => {
    expect(addedTopic([], 'x'.repeat(61)).problem).toBe('A topic has at most 60 characters.');
    const full = Array.from({ length: 60 }, (_, index) => `Topic ${index}`);
    expect(addedTopic(full, 'One more')).toEqual({ topics: full, problem: 'The list holds at most 60 topics; remove one first.' });
  });
});

describe('comparing settings', () => {
  it('counts the format, the topics and their order', () => {
    const saved = { defaultFormat: 'GIRP' as const, topics: ['a', 'b'] };
    expect(sameSettings(saved, { defaultFormat: 'GIRP', topics: ['a', 'b'] })).toBe(true);
    expect(sameSettings(saved, { defaultFormat: 'DAP', topics: ['a', 'b'] })).toBe(false);
    expect(sameSettings(saved, { defaultFormat: 'GIRP', topics: ['b', 'a'] })).toBe(false);
    expect(sameSettings(saved, { defaultFormat: 'GIRP', topics: ['a'] })).toBe(false);
  });
});

import { defaultFields } from './note-fields';
import { conflictingFields, mergeFields, mergeValue } from './note-merge';

const base = { ...defaultFields(new Date('2026-11-21T15:00:00'), 'Library'), sections: { goal: 'Housing', intervention: 'Called', response: '', plan: '' } };

describe('merging a note changed elsewhere', () => {
  const mine = { ...base, location: 'Public library', sections: { ...base.sections, plan: 'Tour on Friday', intervention: 'Called the authority' } };
  const theirs = { ...base, durationMinutes: 45, sections: { goal: 'Housing', intervention: 'Called together', response: 'Hopeful' } };

  it('lists only the fields that really differ, each section on its own', () => {
    expect(conflictingFields(mine, theirs)).toEqual(['durationMinutes', 'location', 'section:intervention', 'section:response', 'section:plan']);
    expect(conflictingFields(base, { ...base, sections: { ...base.sections, goal: ' Housing ' } })).toEqual([]);
  });

  it('takes theirs except where the person keeps their own', () => {
    const merged = mergeFields(mine, theirs, new Set(['location', 'section:plan'] as const));
    expect(merged.location).toBe('Public library');
    expect(merged.durationMinutes).toBe(45);
    expect(merged.sections).toMatchObject({ goal: 'Housing', intervention: 'Called together', response: 'Hopeful', plan: 'Tour on Friday' });
  });

  it('says each value in words', () => {
    const statement = (id: string) => (id === 'g-1' ? 'Get my own apartment' : '?');
    const at = (iso: string) => iso;
    expect(mergeValue({ ...mine, goalIds: ['g-1'] }, 'goalIds', statement, at)).toBe('Get my own apartment');
    expect(mergeValue(mine, 'modality', statement, at)).toBe('In person');
    expect(mergeValue(theirs, 'section:plan', statement, at)).toBe('(empty)');
    expect(mergeValue(theirs, 'durationMinutes', statement, at)).toBe('45 min');
  });
});

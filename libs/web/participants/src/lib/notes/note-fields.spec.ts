import { changedContent, contentOf, defaultFields, fieldsFromNote, fieldsProblem, instantOf, localDateTime, missingSections, prefilledGoalSection, readyToSign } from './note-fields';
import { sessionNote } from './note-fixtures';

const NOW = new Date('2026-11-21T15:07:42');

describe('note fields', () => {
  it('open a new note at now minus 30 minutes, for 30 minutes, individual, in person, GIRP, at the last place', () => {
    const fields = defaultFields(NOW, 'Community center');
    expect(fields.startedAt).toBe(new Date('2026-11-21T14:37:00').toISOString());
    expect(fields.durationMinutes).toBe(30);
    expect(fields).toMatchObject({ contactType: 'individual', modality: 'in_person', format: 'GIRP', location: 'Community center', riskConcern: false });
    expect(defaultFields(NOW, null).location).toBe('');
  });

  it('show times on the signed-in person’s clock and read them back, across daylight saving', () => {
    expect(localDateTime(new Date('2026-11-21T15:05:00Z'), 'America/Chicago')).toBe('2026-11-21T09:05');
    expect(instantOf('2026-11-21T09:05', 'America/Chicago')).toBe('2026-11-21T15:05:00.000Z');
    // Summer time: five hours behind UTC, not six.
    expect(instantOf('2026-07-01T09:05', 'America/Chicago')).toBe('2026-07-01T14:05:00.000Z');
    expect(localDateTime(new Date('2026-07-01T14:05:00Z'), 'America/Chicago')).toBe('2026-07-01T09:05');
    // Without a zone (or with one the browser does not know), the browser's own clock.
    expect(instantOf('2026-11-21T09:05')).toBe(new Date('2026-11-21T09:05:00').toISOString());
    expect(localDateTime(new Date('2026-11-21T09:05:00'), 'Not/AZone')).toBe('2026-11-21T09:05');
    expect(instantOf('2026-11-21')).toBeNull();
    expect(fieldsFromNote(sessionNote({ startedAt: '2026-11-21T14:00:00Z' })).startedAt).toBe('2026-11-21T14:00:00.000Z');
  });

  it('store trimmed text, blanks as null, only the format’s written sections, the risk detail only with a concern', () => {
    const fields = {
      ...defaultFields(NOW, '  '),
      sections: { goal: ' Housing ', intervention: '   ', data: 'from DAP' },
      riskDetail: 'mentioned cravings',
      followUpOn: '',
    };
    const content = contentOf(fields);
    expect(content.location).toBeNull();
    expect(content.sections).toEqual({ goal: 'Housing' });
    expect(content.riskDetail).toBeNull();
    expect(content.followUpOn).toBeNull();
    expect(contentOf({ ...fields, riskConcern: true }).riskDetail).toBe('mentioned cravings');
    expect(content).not.toHaveProperty('units');
  });

  it('send only the fields that changed; a new format brings its sections; lists compare as sets', () => {
    const saved = { ...defaultFields(NOW, null), goalIds: ['g-1', 'g-2'], sections: { goal: 'Housing' } };
    expect(changedContent(saved, { ...saved, goalIds: ['g-2', 'g-1'], sections: { goal: 'Housing  ' } })).toEqual({});
    expect(changedContent(saved, { ...saved, location: 'Library', durationMinutes: 45 })).toEqual({ location: 'Library', durationMinutes: 45 });
    expect(changedContent(saved, { ...saved, format: 'DAP', sections: { goal: 'Housing', plan: 'Call Friday' } })).toEqual({ format: 'DAP', sections: { plan: 'Call Friday' } });
  });

  it('fill the Goal section from the linked goals only while nobody has written in it', () => {
    expect(prefilledGoalSection('', [], ['Get my own apartment'])).toBe('Get my own apartment');
    expect(prefilledGoalSection('Get my own apartment', ['Get my own apartment'], ['Get my own apartment', 'Find a sponsor'])).toBe('Get my own apartment\nFind a sponsor');
    expect(prefilledGoalSection('Their words about housing', ['Get my own apartment'], [])).toBeNull();
  });

  it('name the sections still to write, and allow an attempted contact with one', () => {
    const fields = { ...defaultFields(NOW, null), sections: { goal: 'Housing', intervention: 'Called' } };
    expect(missingSections(fields)).toEqual(['response', 'plan']);
    expect(readyToSign(fields)).toBe(false);
    expect(readyToSign({ ...fields, contactType: 'attempted' })).toBe(true);
    expect(readyToSign({ ...fields, sections: { ...fields.sections, response: 'Hopeful', plan: 'Friday' } })).toBe(true);
  });

  it('refuse to save impossible times', () => {
    const fields = defaultFields(NOW, null);
    expect(fieldsProblem(fields, NOW)).toBeNull();
    expect(fieldsProblem({ ...fields, startedAt: '' }, NOW)).toBe('startedAt');
    expect(fieldsProblem({ ...fields, startedAt: new Date('2026-11-21T16:00:00').toISOString() }, NOW)).toBe('future');
    expect(fieldsProblem({ ...fields, durationMinutes: 0 }, NOW)).toBe('duration');
    expect(fieldsProblem({ ...fields, durationMinutes: 721 }, NOW)).toBe('duration');
    expect(fieldsProblem({ ...fields, durationMinutes: 12.5 }, NOW)).toBe('duration');
  });
});

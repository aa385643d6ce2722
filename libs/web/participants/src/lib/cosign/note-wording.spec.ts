import { contactTypeLabel, daysSince, noteSections, noteStatusLabel, topicLabel } from './note-wording';

describe('note wording', () => {
  it('lists a note’s sections in its format’s order, whatever order they arrive in', () => {
    const sections = noteSections({ format: 'GIRP', sections: { plan: 'P', goal: 'G', response: 'R', intervention: 'I' } });
    expect(sections.map((section) => section.label)).toEqual(['Goal', 'Intervention', 'Response', 'Plan']);
    expect(sections.map((section) => section.text)).toEqual(['G', 'I', 'R', 'P']);
  });

  it('keeps a section that was left empty, so the reader sees it is missing', () => {
    const sections = noteSections({ format: 'DAP', sections: { data: 'Met at the library.', plan: '  ' } });
    expect(sections).toEqual([
      { name: 'data', label: 'Data', text: 'Met at the library.' },
      { name: 'assessment', label: 'Assessment', text: '' },
      { name: 'plan', label: 'Plan', text: '' },
    ]);
  });

  it('names codes in words, and an unknown code readably', () => {
    expect(contactTypeLabel('brief_check_in')).toBe('Brief check-in');
    expect(topicLabel('mutual_aid_meetings')).toBe('Mutual-aid meetings');
    expect(noteStatusLabel('submitted')).toBe('Awaiting the author’s signature');
    expect(topicLabel('peer_support' as never)).toBe('peer support');
  });

  it('counts whole days waited, never fewer than none', () => {
    const now = new Date('2026-11-21T12:00:00Z');
    expect(daysSince('2026-11-21T08:00:00Z', 'UTC', now)).toBe(0);
    expect(daysSince('2026-11-20T11:00:00Z', 'UTC', now)).toBe(1);
    expect(daysSince('2026-11-14T12:00:00Z', 'UTC', now)).toBe(7);
    expect(daysSince('2026-11-22T12:00:00Z', 'UTC', now)).toBe(0);
    expect(daysSince(null, 'UTC', now)).toBe(0);
  });

  it('counts calendar days on the person’s clock: 11 pm yesterday is one day, at 9 am', () => {
    // 05:00 UTC on the 21st is 11 pm on the 20th in Chicago; 15:00 UTC is 9 am on the 21st.
    expect(daysSince('2026-11-21T05:00:00Z', 'America/Chicago', new Date('2026-11-21T15:00:00Z'))).toBe(1);
    expect(daysSince('2026-11-21T05:00:00Z', 'UTC', new Date('2026-11-21T15:00:00Z'))).toBe(0);
  });
});

import { PARTICIPANT_VIEWS, selectList, viewFor } from './participant-fields';

describe('participant field rules', () => {
  it('shows an admin in an emergency how to reach the person, not their recovery details', () => {
    expect(viewFor('admin', 'break-glass')).toBe('contact');
    expect(PARTICIPANT_VIEWS.contact).toEqual(expect.arrayContaining(['phone', 'dateOfBirth']));
    expect(PARTICIPANT_VIEWS.contact).not.toEqual(expect.arrayContaining(['recoveryPathways']));
    expect(PARTICIPANT_VIEWS.contact).not.toContain('primarySubstances');
  });

  it('gives the care team and a supervisor in an emergency the whole record', () => {
    expect(viewFor('specialist', 'care-team')).toBe('record');
    expect(viewFor('supervisor', 'break-glass')).toBe('record');
  });

  it('keeps lists to what recognises a person', () => {
    expect(PARTICIPANT_VIEWS.summary).not.toContain('dateOfBirth');
    expect(PARTICIPANT_VIEWS.summary).not.toContain('phone');
  });

  it('selects only the view’s columns, under their API names', () => {
    expect(selectList('summary')).toContain('p.legal_last_name AS "legalLastName"');
    expect(selectList('summary')).not.toContain('date_of_birth');
    expect(selectList('contact')).not.toContain('primary_substances');
  });
});

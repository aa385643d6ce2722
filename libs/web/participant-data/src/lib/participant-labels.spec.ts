import { contactMethodLabel, pathwayLabel, statusLabel, substanceLabel } from './participant-labels';
import { displayName } from './participants.models';

describe('participant labels', () => {
  it('puts stored codes into words, and shows unknown codes readably', () => {
    expect(pathwayLabel('smart_recovery')).toBe('SMART Recovery');
    expect(pathwayLabel('mat')).toBe('Medication for OUD/AUD');
    expect(pathwayLabel('peer_run_housing')).toBe('peer run housing');
    expect(contactMethodLabel('in_person')).toBe('In person');
    expect(substanceLabel('opioids')).toBe('Opioids');
    expect(statusLabel('discharged')).toBe('Discharged');
  });

  it('names people by the name they go by', () => {
    expect(displayName({ legalFirstName: 'Danielle', legalLastName: 'Ortiz', preferredName: 'Dani' })).toBe('Dani Ortiz');
    expect(displayName({ legalFirstName: 'Marcus', legalLastName: 'Bell', preferredName: null })).toBe('Marcus Bell');
  });
});

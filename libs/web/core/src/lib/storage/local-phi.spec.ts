import { clearLocalPhi, LOCAL_PHI_PREFIX } from './local-phi';

describe('clearLocalPhi', () => {
  afterEach(() => localStorage.clear());

  it('removes every key under the PHI prefix and nothing else', () => {
    localStorage.setItem(`${LOCAL_PHI_PREFIX}note-draft.p-1.k-1`, '{"sections":{}}');
    localStorage.setItem(`${LOCAL_PHI_PREFIX}note-draft.p-2.k-2`, '{"sections":{}}');
    localStorage.setItem('waypoint.theme', 'dark');
    expect(clearLocalPhi()).toBe(2);
    expect(Object.keys(localStorage)).toEqual(['waypoint.theme']);
  });

  it('does nothing without storage', () => {
    expect(clearLocalPhi(null)).toBe(0);
  });
});

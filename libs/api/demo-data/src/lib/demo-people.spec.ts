import { DEMO_PARTICIPANTS, DEMO_PASSWORD, DEMO_USERS } from './demo-people';

/** The demo must stay synthetic and self-consistent as later issues grow it. */
describe('demo people', () => {
  it('has one account per role, all on the reserved .test domain', () => {
    const roles = new Set(DEMO_USERS.map((user) => user.role));
    expect([...roles].sort()).toEqual(['admin', 'clinician', 'specialist', 'supervisor']);
    for (const user of DEMO_USERS) expect(user.email).toMatch(/@demo\.waypoint\.test$/);
    expect(new Set(DEMO_USERS.map((user) => user.email)).size).toBe(DEMO_USERS.length);
  });

  it('assigns every participant to a demo specialist on the team', () => {
    const specialists = new Set(DEMO_USERS.filter((u) => u.role === 'specialist' && u.onTeam).map((u) => u.key));
    for (const participant of DEMO_PARTICIPANTS) expect(specialists.has(participant.specialistKey)).toBe(true);
  });

  it('has at least 40 people, each named once, spread over every specialist on the team', () => {
    expect(DEMO_PARTICIPANTS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(DEMO_PARTICIPANTS.map((p) => `${p.first} ${p.last}`)).size).toBe(DEMO_PARTICIPANTS.length);
    const perSpecialist = new Map<string, number>();
    for (const p of DEMO_PARTICIPANTS) perSpecialist.set(p.specialistKey, (perSpecialist.get(p.specialistKey) ?? 0) + 1);
    expect([...perSpecialist.keys()].sort()).toEqual(['specialist', 'specialist2', 'specialist3', 'specialist4']);
    // The journeys know Jordan's caseload by name and count.
    expect(perSpecialist.get('specialist')).toBe(7);
  });

  it('gives participants valid, adult dates of birth', () => {
    for (const participant of DEMO_PARTICIPANTS) {
      const born = new Date(`${participant.dateOfBirth}T00:00:00Z`);
      expect(Number.isNaN(born.getTime())).toBe(false);
      expect(born.getUTCFullYear()).toBeLessThan(2008);
    }
  });

  it('uses a demo password that meets the 12-character minimum', () => {
    expect(DEMO_PASSWORD.length).toBeGreaterThanOrEqual(12);
  });
});

import type { Goal } from '@waypoint/web-participant-data';

/** A goal as the API sends it, for specs; override what the test is about. */
export function testGoal(overrides: Partial<Goal> = {}): Goal {
  return {
    id: 'g-1',
    dimension: 'home',
    statement: 'Have my own place by spring',
    targetDate: '2027-03-01',
    status: 'active',
    statusReason: null,
    statusChangedOn: null,
    createdAt: '2026-01-05T15:00:00.000Z',
    version: 1,
    steps: [
      { id: 's-1', position: 0, description: 'Call the housing office', doneAt: null, version: 1 },
      { id: 's-2', position: 1, description: 'Visit two apartments', doneAt: null, version: 1 },
    ],
    progress: [],
    ...overrides,
  };
}

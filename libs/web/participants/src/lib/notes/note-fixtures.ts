import type { Goal, SessionNote } from '@waypoint/web-participant-data';

/** A session note as the API returns it, for tests. */
export function sessionNote(overrides: Partial<SessionNote> = {}): SessionNote {
  return {
    id: 'n-1',
    participantId: 'p-1',
    authorId: 'u-1',
    authorName: 'Jordan Avery',
    startedAt: '2026-11-21T14:00:00.000Z',
    endedAt: '2026-11-21T14:30:00.000Z',
    durationMinutes: 30,
    contactType: 'individual',
    modality: 'in_person',
    location: 'Community center',
    format: 'GIRP',
    sections: {},
    goalIds: [],
    topics: [],
    riskConcern: false,
    riskDetail: null,
    naloxoneProvided: false,
    followUpOn: null,
    units: 2,
    modifiers: [],
    status: 'draft',
    reviewedWithParticipant: false,
    submittedAt: null,
    signedAt: null,
    signedByName: null,
    signedByCredential: null,
    cosignedAt: null,
    cosignedByName: null,
    returnedAt: null,
    returnedByName: null,
    returnComment: null,
    groupSessionId: null,
    createdAt: '2026-11-21T14:31:00.000Z',
    updatedAt: '2026-11-21T14:31:00.000Z',
    version: 1,
    ...overrides,
  };
}

export function activeGoal(overrides: Partial<Goal> = {}): Goal {
  return {
    id: '0b7c3a52-6f0e-4c8e-9a44-2d1f6a1e9a01',
    dimension: 'home',
    statement: 'Get my own apartment with a lease in my name',
    targetDate: null,
    status: 'active',
    statusReason: null,
    statusChangedOn: null,
    createdAt: '2026-09-01T00:00:00.000Z',
    version: 1,
    steps: [],
    progress: [],
    ...overrides,
  };
}

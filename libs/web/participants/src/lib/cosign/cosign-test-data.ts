import type { CosignQueue, CosignQueueItem } from '@waypoint/web-participant-data';

/** A note of the co-sign queue as the API sends it, for specs; override what the test is about. */
export function testQueueItem(overrides: Partial<CosignQueueItem> = {}): CosignQueueItem {
  return {
    id: 'n-1',
    participantId: 'p-1',
    participantName: 'Marcus Bell',
    authorId: 'u-jordan',
    authorName: 'Jordan Avery',
    startedAt: '2026-11-18T15:00:00Z',
    endedAt: '2026-11-18T15:45:00Z',
    durationMinutes: 45,
    contactType: 'individual',
    modality: 'in_person',
    location: 'Riverbend drop-in center',
    groupSessionId: null,
    format: 'GIRP',
    sections: {
      plan: 'Meet Thursday to fill in the housing application.',
      goal: 'Find stable housing.',
      response: 'Marcus agreed to call the housing office.',
      intervention: 'Went through the waitlist options together.',
    },
    goalIds: ['g-2'],
    topics: ['housing', 'mutual_aid_meetings'],
    riskConcern: false,
    riskDetail: null,
    naloxoneProvided: false,
    followUpOn: null,
    units: 3,
    modifiers: [],
    status: 'signed',
    reviewedWithParticipant: true,
    submittedAt: '2026-11-18T16:00:00Z',
    signedAt: '2026-11-18T16:05:00Z',
    signedByName: 'Jordan Avery',
    signedByCredential: 'CPRS',
    cosignedAt: null,
    cosignedByName: null,
    returnedAt: null,
    returnedByName: null,
    returnComment: null,
    createdAt: '2026-11-18T15:50:00Z',
    updatedAt: '2026-11-18T16:05:00Z',
    version: 4,
    ...overrides,
  };
}

/** A queue page with the counts worked out from its items. */
export function testQueue(items: CosignQueueItem[], nextCursor: string | null = null): CosignQueue {
  const counts = new Map<string, { authorId: string; authorName: string; awaiting: number }>();
  for (const item of items) {
    const count = counts.get(item.authorId) ?? { authorId: item.authorId, authorName: item.authorName, awaiting: 0 };
    counts.set(item.authorId, { ...count, awaiting: count.awaiting + 1 });
  }
  return { items, nextCursor, counts: [...counts.values()] };
}

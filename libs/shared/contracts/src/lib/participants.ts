/** A participant's place in the program (DESIGN.md §2). */
export const ParticipantStatuses = ['referred', 'active', 'inactive', 'discharged'] as const;
export type ParticipantStatus = (typeof ParticipantStatuses)[number];

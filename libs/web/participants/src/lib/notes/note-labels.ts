import type { SessionNote } from '@waypoint/web-participant-data';

/** What each section asks for, under its field. */
const SECTION_HINTS: Readonly<Record<string, string>> = {
  goal: $localize`:Note section hint:The recovery goal this contact worked on, in the participant's words.`,
  intervention: $localize`:Note section hint:What you did together: support, sharing, linking to resources.`,
  response: $localize`:Note section hint:How the participant responded, in their words where you can.`,
  plan: $localize`:Note section hint:What happens next, and who does it.`,
  data: $localize`:Note section hint:What happened and what was said.`,
  assessment: $localize`:Note section hint:What it means for the participant's recovery.`,
  subjective: $localize`:Note section hint:What the participant said about how they are.`,
  objective: $localize`:Note section hint:What you observed.`,
};

// The vocabularies' words live in participant-data (shared with the co-sign queue and timeline).
export {
  contactTypeLabel,
  modalityLabel,
  noteFormatLabel as formatLabel,
  noteSectionLabel as sectionLabel,
  noteTopicLabel as topicLabel,
} from '@waypoint/web-participant-data';
export const sectionHint = (name: string) => SECTION_HINTS[name] ?? '';

/** Where a note stands, as its badge says it. A returned note is a draft the supervisor sent back with a comment. */
export type NoteBadge = 'draft' | 'returned' | 'submitted' | 'signed' | 'cosigned';

export function noteBadge(note: Pick<SessionNote, 'status' | 'returnComment'>): NoteBadge {
  return note.status === 'draft' && note.returnComment ? 'returned' : note.status;
}

const BADGES: Readonly<Record<NoteBadge, string>> = {
  draft: $localize`:Note status:Draft`,
  returned: $localize`:Note status:Returned`,
  submitted: $localize`:Note status:Submitted`,
  signed: $localize`:Note status:Signed`,
  cosigned: $localize`:Note status:Co-signed`,
};

export const badgeLabel = (badge: NoteBadge) => BADGES[badge];

/** "Jordan Avery · CPRS": a signer as the signature records them (the credential may be absent). */
export function signerLine(name: string | null | undefined, credential: string | null | undefined): string {
  return [name, credential].filter((part) => !!part).join(' · ');
}

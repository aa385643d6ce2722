import type { InAppNotification } from '@waypoint/web-participant-data';

/** The sentence a notification says, in the list and as its link's name. */
export function notificationMessage(notification: InAppNotification): string {
  const { kind, actorName: actor, participantName: participant } = notification;
  if (kind === 'high_risk_flagged') {
    // The API leaves the name out once the participant is no longer in the reader's care team.
    if (!participant) return $localize`A participant no longer in your care team was flagged high risk`;
    return actor ? $localize`${actor}:actor: flagged ${participant}:participant: as high risk` : $localize`${participant}:participant: was flagged high risk`;
  }
  if (kind === 'note_returned') {
    // The supervisor's comment is on the note, not here: the sentence only says where to look.
    if (!participant) return $localize`A note of yours about a participant no longer in your care team was returned`;
    return actor
      ? $localize`${actor}:actor: returned your note about ${participant}:participant: for changes`
      : $localize`Your note about ${participant}:participant: was returned for changes`;
  }
  return participant ? $localize`An update about ${participant}:participant:` : $localize`An update for you`;
}

/** A Material Symbols name for the kind of notification. */
export function notificationIcon(notification: InAppNotification): string {
  if (notification.kind === 'high_risk_flagged') return 'warning';
  return notification.kind === 'note_returned' ? 'assignment_return' : 'notifications';
}

/** Where a notification leads: the returned note itself, else the participant; none once out of scope. */
export function notificationLink(notification: InAppNotification): string[] | null {
  const { participantId, noteId } = notification;
  if (!participantId) return null;
  return noteId ? ['/participants', participantId, 'notes', noteId] : ['/participants', participantId];
}

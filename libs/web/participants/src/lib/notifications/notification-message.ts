import type { InAppNotification } from '@waypoint/web-participant-data';

/** The sentence a notification says, in the list and as its link's name. */
export function notificationMessage(notification: InAppNotification): string {
  const { kind, actorName: actor, participantName: participant } = notification;
  if (kind === 'high_risk_flagged') {
    // The API leaves the name out once the participant is no longer in the reader's care team.
    if (!participant) return $localize`A participant no longer in your care team was flagged high risk`;
    return actor ? $localize`${actor}:actor: flagged ${participant}:participant: as high risk` : $localize`${participant}:participant: was flagged high risk`;
  }
  return participant ? $localize`An update about ${participant}:participant:` : $localize`An update for you`;
}

/** A Material Symbols name for the kind of notification. */
export function notificationIcon(notification: InAppNotification): string {
  return notification.kind === 'high_risk_flagged' ? 'warning' : 'notifications';
}

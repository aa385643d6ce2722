import { inject, type Signal } from '@angular/core';
import type { ParticipantRecord } from '@waypoint/web-participant-data';
import { type Observable, of } from 'rxjs';

/**
 * What the participant shell shares with the tab inside it: the record it loaded once for the
 * header, and the two ways a tab changes it. The shell provides it, so a tab that changes the
 * participant (status, flag, safety event) updates the header and banner in the same moment.
 */
export abstract class ParticipantContext {
  /** The participant as last loaded or changed; kept in place while a reload is on its way. */
  abstract readonly participant: Signal<ParticipantRecord | null>;
  /** Shows the record a change answered with. */
  abstract replace(participant: ParticipantRecord): void;
  /** Reads the record again, after someone else changed it meanwhile (409). */
  abstract reload(): void;
}

/**
 * How a tab reads its participant: the shell's record when it sits inside the shell (no second
 * request for the same record), otherwise `fetch`. Call from an injection context.
 */
export function participantFromShell(fetch: (id: string) => Observable<ParticipantRecord>): (id: string) => Observable<ParticipantRecord> {
  const context = inject(ParticipantContext, { optional: true });
  return (id) => {
    const shown = context?.participant();
    return shown?.id === id ? of(shown) : fetch(id);
  };
}

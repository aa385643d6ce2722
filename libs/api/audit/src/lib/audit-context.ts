import { AsyncLocalStorage } from 'node:async_hooks';

/** What the trail needs to know about the current request, wherever the event is written. */
export interface AuditRequestState {
  requestId?: string;
  ip?: string;
  userAgent?: string;
  /** Present inside an `@Audited` route: the participants the data layer read or changed. */
  touched?: Set<string>;
  /** Added by the handler: what only it knows (the id it created, a break-glass reason). */
  annotation?: { resourceId?: string; reason?: string };
  /** Set by the interceptor: writes the success events now (for streamed responses). */
  flush?: () => Promise<void>;
  flushed?: boolean;
}

const storage = new AsyncLocalStorage<AuditRequestState>();

export const AuditContext = {
  run<T>(state: AuditRequestState, work: () => T): T {
    return storage.run(state, work);
  },

  current(): AuditRequestState | undefined {
    return storage.getStore();
  },

  /**
   * Called by the data layer for every participant it reads or changes. Outside an audited
   * route this throws: reading participant data without an audit declaration fails closed,
   * so a new endpoint cannot forget the trail.
   */
  touch(participantIds: Iterable<string>): void {
    const touched = storage.getStore()?.touched;
    if (!touched) throw new Error('Participant data was read outside an @Audited route; declare the audit action on the route.');
    for (const id of participantIds) touched.add(id);
  },

  /**
   * For a handler that streams its own response (a CSV export): records the access before the
   * first byte leaves, so nothing is ever sent without its audit row. Call it again before a
   * chunk that names participants touched since: it then writes rows for those only.
   */
  async recordBeforeStreaming(): Promise<void> {
    const state = storage.getStore();
    if (!state?.flush) throw new Error('recordBeforeStreaming() outside an @Audited route');
    await state.flush();
  },

  /** Adds what only the handler knows to the audited route's events (inside an `@Audited` route). */
  annotate(annotation: { resourceId?: string; reason?: string }): void {
    const state = storage.getStore();
    if (!state?.touched) throw new Error('annotate() outside an @Audited route');
    state.annotation = { ...state.annotation, ...annotation };
  },
};

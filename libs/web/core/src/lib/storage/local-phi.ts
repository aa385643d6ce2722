/**
 * Participant data kept in this browser's localStorage (today: unsaved copies of session notes)
 * goes under this prefix, so signing out can remove all of it at once. Dashboards run on shared
 * machines in drop-in centres; a note must not outlive the session of the person who wrote it.
 */
export const LOCAL_PHI_PREFIX = 'waypoint.phi.';

/** Removes every key under LOCAL_PHI_PREFIX (quietly: storage may be unavailable). Returns how many. */
export function clearLocalPhi(storage: Storage | null = globalThis.localStorage ?? null): number {
  if (!storage) return 0;
  const keys: string[] = [];
  for (let index = 0; index < storage.length; index += 1) {
    const key = storage.key(index);
    if (key?.startsWith(LOCAL_PHI_PREFIX)) keys.push(key);
  }
  for (const key of keys) storage.removeItem(key);
  return keys.length;
}

import { LOCAL_PHI_PREFIX } from '@waypoint/web-core';
import type { NoteFields } from './note-fields';

/**
 * The copy of a note being written that the browser keeps until the server has it, so a closed
 * tab or a lost connection loses nothing. Kept under one key per participant and editor session;
 * removed as soon as the server has saved what it holds.
 */
export interface NoteLocalCopy {
  participantId: string;
  /** The editor session's Idempotency-Key: restoring with it can never make a second note. */
  key: string;
  /** The draft on the server, once one was created. */
  noteId: string | null;
  /** The version the changes were made on; null before the draft existed. */
  version: number | null;
  /** When the copy was written (ISO). */
  writtenAt: string;
  fields: NoteFields;
}

// Under the PHI prefix, so signing out removes every copy (see clearLocalPhi).
const PREFIX = `${LOCAL_PHI_PREFIX}note-draft.`;
const storageKey = (participantId: string, key: string) => `${PREFIX}${participantId}.${key}`;

/** Writes the copy; a full or forbidden storage is not a reason to stop writing the note. */
export function writeLocalCopy(storage: Storage | null, copy: NoteLocalCopy): void {
  try {
    storage?.setItem(storageKey(copy.participantId, copy.key), JSON.stringify(copy));
  } catch {
    // Private browsing or a full quota: the server copy still counts.
  }
}

export function removeLocalCopy(storage: Storage | null, participantId: string, key: string): void {
  try {
    storage?.removeItem(storageKey(participantId, key));
  } catch {
    // Nothing to do: see writeLocalCopy.
  }
}

/** The participant's unsaved copies on this device, newest first. */
export function localCopies(storage: Storage | null, participantId: string): NoteLocalCopy[] {
  if (!storage) return [];
  const prefix = `${PREFIX}${participantId}.`;
  const copies: NoteLocalCopy[] = [];
  try {
    for (let index = 0; index < storage.length; index += 1) {
      const name = storage.key(index);
      if (!name?.startsWith(prefix)) continue;
      const copy = parse(storage.getItem(name));
      if (copy && copy.participantId === participantId) copies.push(copy);
    }
  } catch {
    return [];
  }
  return copies.sort((a, b) => b.writtenAt.localeCompare(a.writtenAt));
}

/** The newest unsaved copy worth offering: of this note, or (for a new note) one never saved or of any draft. */
export function copyToOffer(storage: Storage | null, participantId: string, noteId: string | null, savedAt: string | null): NoteLocalCopy | null {
  const copies = localCopies(storage, participantId).filter((copy) => (noteId ? copy.noteId === noteId : true));
  const newest = copies[0] ?? null;
  if (!newest) return null;
  // Someone saved the note after this copy was written (another device): the copy is out of date.
  if (savedAt && newest.writtenAt <= new Date(savedAt).toISOString()) return null;
  return newest;
}

/** Removes every copy of one note (after it was signed, say). */
export function removeCopiesOf(storage: Storage | null, participantId: string, noteId: string): void {
  for (const copy of localCopies(storage, participantId)) {
    if (copy.noteId === noteId) removeLocalCopy(storage, participantId, copy.key);
  }
}

/** The browser's local storage, or null where there is none (or it is blocked). */
export function browserStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function parse(text: string | null): NoteLocalCopy | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<NoteLocalCopy>;
    return typeof value.key === 'string' && typeof value.writtenAt === 'string' && value.fields && typeof value.fields === 'object' ? (value as NoteLocalCopy) : null;
  } catch {
    return null;
  }
}

import { HttpErrorResponse } from '@angular/common/http';
import { signal } from '@angular/core';
import { problemFromResponse } from '@waypoint/web-core';
import type { NotesApi, SessionNote } from '@waypoint/web-participant-data';
import type { Subscription } from 'rxjs';
import { problemText } from '../plan/plan-dialogs';
import { changedContent, contentOf, fieldsFromNote, type FieldsProblem, fieldsProblem, type NoteFields, sameContent } from './note-fields';
import { removeLocalCopy, writeLocalCopy } from './note-local-copy';

/** Where the note being written stands with the server; the editor shows it in words. */
export type SaveState =
  /** Nothing written yet: the draft is made on the first change. */
  | { kind: 'new' }
  /** Changes wait for a pause in typing (or leaving the field). */
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  /** The times cannot be saved as they are; nothing is sent until they can. */
  | { kind: 'invalid'; problem: FieldsProblem }
  /**
   * Not saved for now; the local copy holds the changes and they are sent again by themselves:
   * `offline` when no answer came at all (the device's network, most often), `server` when
   * Waypoint answered "try again" (502–504: a restart, its database restarting).
   */
  | { kind: 'offline'; reason: 'offline' | 'server' }
  /** Someone saved the note meanwhile (stale version): the person chooses what to keep before anything more is sent. */
  | { kind: 'conflict'; theirs: SessionNote }
  /** The server refused; `locked` when no later change can succeed (not a draft any more, not the author's). */
  | { kind: 'failed'; message: string; locked: boolean };

export interface NoteAutosaveOptions {
  api: Pick<NotesApi, 'create' | 'update' | 'get'>;
  participantId: string;
  /** One Idempotency-Key per editor session, reused on every retry of the create. */
  key: string;
  /** The draft being edited; null for a new note. */
  note: SessionNote | null;
  storage: Storage | null;
  /** The pause in typing before a save. */
  debounceMs?: number;
  /**
   * The longest wait before an unreachable server is tried again (besides the browser's
   * `online` event): retries start after 2 s (or the server's Retry-After) and double up to it.
   */
  retryMs?: number;
  now?: () => Date;
}

/**
 * A fresh Idempotency-Key for one editor session: a random UUID. `crypto.randomUUID` exists only
 * in secure contexts (HTTPS, localhost); elsewhere the same 122 random bits come from getRandomValues.
 */
export function newIdempotencyKey(): string {
  if (typeof globalThis.crypto?.randomUUID === 'function') return globalThis.crypto.randomUUID();
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The browser is offline, or something between it and the API is down: worth retrying as is. */
function unreachable(error: unknown): boolean {
  return error instanceof HttpErrorResponse && [0, 502, 503, 504].includes(error.status);
}

/** The first retry's wait when the server names none; each further retry waits twice as long. */
const FIRST_RETRY_MS = 2000;

/** The server's Retry-After in ms (seconds form only, as the API sends it), kept within 1–60 s. */
function retryAfterMs(error: unknown): number | null {
  const header = error instanceof HttpErrorResponse ? error.headers?.get('Retry-After') : null;
  const seconds = header && /^\d+$/.test(header.trim()) ? Number(header) : null;
  return seconds === null ? null : Math.min(60, Math.max(1, seconds)) * 1000;
}

/** A 409 for a stale version carries the version the note has now. */
function staleVersion(error: unknown): boolean {
  if (!(error instanceof HttpErrorResponse) || error.status !== 409) return false;
  return typeof problemFromResponse(error)?.['currentVersion'] === 'number';
}

/**
 * Saves a note while it is written: creates the draft on the first change (with the session's
 * Idempotency-Key, so a retried create never makes a second note), then sends what changed, with
 * the version, after a pause in typing or at once on `flush()`. Every change is first kept in
 * local storage; the copy is removed once the server has it. Unreachable: retried when the
 * browser is back online (and on a timer). Stale: the server's note is fetched and saving waits
 * for the person to merge (`resolve`), never overwriting what someone else saved.
 */
export class NoteAutosave {
  readonly #options: Required<Omit<NoteAutosaveOptions, 'note' | 'storage'>> & Pick<NoteAutosaveOptions, 'storage'>;
  readonly #state = signal<SaveState>({ kind: 'new' });
  readonly #note = signal<SessionNote | null>(null);
  readonly state = this.#state.asReadonly();
  /** The draft as the server last saved it (with `billing` after a create or update). */
  readonly note = this.#note.asReadonly();

  /** What the form holds now; null until the first change. */
  #fields: NoteFields | null = null;
  /** What the server holds, as the form would show it. */
  #saved: NoteFields | null = null;
  #inFlight: Subscription | null = null;
  /** A flush came while a save was on its way: save again as soon as it is back. */
  #again = false;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #retry: ReturnType<typeof setTimeout> | null = null;
  /** Retries since the last save that landed: the backoff grows with them. */
  #attempts = 0;
  #waiters: { resolve: (note: SessionNote) => void; reject: (state: SaveState) => void }[] = [];
  #disposed = false;
  readonly #online = () => this.#retryNow();
  readonly #hidden = () => {
    if (globalThis.document?.visibilityState === 'hidden') this.flush();
  };

  constructor(options: NoteAutosaveOptions) {
    this.#options = { debounceMs: 2000, retryMs: 15_000, now: () => new Date(), ...options };
    if (options.note) {
      this.#note.set(options.note);
      this.#saved = fieldsFromNote(options.note);
      this.#state.set({ kind: 'saved', at: new Date(options.note.updatedAt) });
    }
    globalThis.addEventListener?.('online', this.#online);
    globalThis.document?.addEventListener('visibilitychange', this.#hidden);
  }

  /** The form changed: keep a local copy, and save after the pause. */
  change(fields: NoteFields): void {
    this.#fields = fields;
    this.#keepCopy();
    const state = this.#state().kind;
    if (this.#paused()) return;
    const problem = fieldsProblem(fields, this.#options.now());
    if (problem) {
      this.#clearTimer();
      if (!this.#inFlight) this.#settle({ kind: 'invalid', problem });
      return;
    }
    if (!this.#dirty()) {
      this.#clearTimer();
      if (!this.#inFlight && state !== 'offline') this.#savedNow();
      return;
    }
    if (!this.#inFlight && state !== 'offline') this.#state.set({ kind: 'pending' });
    this.#clearTimer();
    if (!this.#disposed) this.#timer = setTimeout(() => this.#save(), this.#options.debounceMs);
  }

  /** Saves now what is waiting (leaving a field, opening the read-back, leaving the page). */
  flush(): void {
    this.#clearTimer();
    if (this.#paused() || !this.#fields || fieldsProblem(this.#fields, this.#options.now()) || !this.#dirty()) return;
    if (this.#inFlight) this.#again = true;
    else this.#save();
  }

  /**
   * Resolves once the server holds everything in the form (before signing), or rejects with
   * the state that stops it: offline, invalid, a conflict, a refusal.
   */
  settled(): Promise<SessionNote> {
    this.flush();
    const note = this.#note();
    const kind = this.#state().kind;
    if (note && !this.#inFlight && !this.#dirty()) return Promise.resolve(note);
    if (!this.#inFlight && kind !== 'pending' && kind !== 'saving') return Promise.reject(this.#state());
    return new Promise((resolve, reject) => this.#waiters.push({ resolve, reject }));
  }

  /**
   * After a conflict, the person's merge: the server's note becomes the base, and the merged
   * fields are saved on top of its version.
   */
  resolve(theirs: SessionNote, merged: NoteFields): void {
    this.#note.set(theirs);
    this.#saved = fieldsFromNote(theirs);
    this.#state.set({ kind: 'pending' });
    this.change(merged);
    this.flush();
  }

  /** Stops the timers and listeners; a save already on its way still lands. */
  dispose(): void {
    this.#disposed = true;
    this.#clearTimer();
    if (this.#retry) clearTimeout(this.#retry);
    globalThis.removeEventListener?.('online', this.#online);
    globalThis.document?.removeEventListener('visibilitychange', this.#hidden);
  }

  #save(): void {
    this.#timer = null;
    const fields = this.#fields;
    if (!fields || this.#paused()) return;
    if (this.#inFlight) {
      this.#again = true;
      return;
    }
    if (globalThis.navigator?.onLine === false) {
      this.#wentOffline();
      return;
    }
    const note = this.#note();
    const { api, participantId, key } = this.#options;
    let request;
    if (!note) {
      request = api.create(participantId, contentOf(fields), key);
    } else {
      const changes = changedContent(this.#saved ?? fields, fields);
      if (Object.keys(changes).length === 0) {
        this.#savedNow();
        return;
      }
      request = api.update(note.id, { ...changes, version: note.version });
    }
    this.#state.set({ kind: 'saving' });
    this.#inFlight = request.subscribe({
      next: (saved) => this.#landed(fields, saved),
      error: (error: unknown) => this.#refused(error),
    });
  }

  #landed(sent: NoteFields, saved: SessionNote): void {
    this.#inFlight = null;
    this.#attempts = 0;
    this.#note.set(saved);
    this.#saved = sent;
    if (this.#dirty()) {
      this.#keepCopy();
      if (this.#again) {
        this.#again = false;
        this.#save();
      } else {
        this.change(this.#fields as NoteFields);
      }
      return;
    }
    this.#again = false;
    this.#savedNow();
  }

  #refused(error: unknown): void {
    this.#inFlight = null;
    this.#again = false;
    if (unreachable(error)) {
      this.#wentOffline(error);
      return;
    }
    const note = this.#note();
    if (note && staleVersion(error)) {
      this.#options.api.get(note.id).subscribe({
        next: (theirs) => this.#settle({ kind: 'conflict', theirs }),
        error: (failure: unknown) => (unreachable(failure) ? this.#wentOffline(failure) : this.#settle(this.#failure(failure))),
      });
      return;
    }
    this.#settle(this.#failure(error));
  }

  #failure(error: unknown): SaveState {
    const status = error instanceof HttpErrorResponse ? error.status : 0;
    return {
      kind: 'failed',
      message: problemText(error) ?? $localize`The note could not be saved. Your changes are kept on this device.`,
      // Not the author's, gone, or no longer a draft: trying again cannot help.
      locked: status === 403 || status === 404 || status === 409,
    };
  }

  /**
   * Keeps trying by itself, backing off (2, 4, 8… s up to `retryMs`) or as the server's
   * Retry-After says, so a database restart costs a few seconds and a long outage few requests.
   */
  #wentOffline(error: unknown = null): void {
    const answered = error instanceof HttpErrorResponse && error.status !== 0;
    this.#settle({ kind: 'offline', reason: answered ? 'server' : 'offline' });
    if (this.#retry) clearTimeout(this.#retry);
    const backoff = Math.min(this.#options.retryMs, FIRST_RETRY_MS * 2 ** this.#attempts);
    this.#attempts += 1;
    if (!this.#disposed) this.#retry = setTimeout(() => this.#retryNow(), retryAfterMs(error) ?? backoff);
  }

  #retryNow(): void {
    if (this.#retry) clearTimeout(this.#retry);
    this.#retry = null;
    if (this.#state().kind !== 'offline' || this.#inFlight) return;
    this.#save();
  }

  #savedNow(): void {
    this.#attempts = 0;
    const note = this.#note();
    removeLocalCopy(this.#options.storage, this.#options.participantId, this.#options.key);
    this.#settle({ kind: 'saved', at: this.#options.now() });
    if (note) {
      for (const waiter of this.#waiters.splice(0)) waiter.resolve(note);
    }
  }

  /** Sets a state that ends waiting: anyone waiting for the save learns it will not come. */
  #settle(state: SaveState): void {
    this.#state.set(state);
    if (state.kind === 'saved') return;
    for (const waiter of this.#waiters.splice(0)) waiter.reject(state);
  }

  #keepCopy(): void {
    if (!this.#fields) return;
    const note = this.#note();
    writeLocalCopy(this.#options.storage, {
      participantId: this.#options.participantId,
      key: this.#options.key,
      noteId: note?.id ?? null,
      version: note?.version ?? null,
      writtenAt: this.#options.now().toISOString(),
      fields: this.#fields,
    });
  }

  /** Whether the form holds something the server does not: for a new note, any change at all. */
  #dirty(): boolean {
    if (!this.#fields) return false;
    return !this.#saved || !this.#note() || !sameContent(this.#saved, this.#fields);
  }

  /** A conflict waits for the merge; a refusal that no change can fix stops saving. */
  #paused(): boolean {
    const state = this.#state();
    return state.kind === 'conflict' || (state.kind === 'failed' && state.locked);
  }

  #clearTimer(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }
}

/** Why the note is not saved, in words, for someone about to sign it. */
export function whyNotSaved(state: SaveState): string {
  switch (state.kind) {
    case 'offline':
      return state.reason === 'offline'
        ? $localize`You are offline. The note can be signed once it is saved.`
        : $localize`Waypoint is not answering right now. The note can be signed once it is saved.`;
    case 'invalid':
      return $localize`Check the date, time and duration; the note is saved before it is signed.`;
    case 'conflict':
      return $localize`The note was changed elsewhere. Choose what to keep, then sign.`;
    case 'failed':
      return state.message;
    default:
      return $localize`Write the note first.`;
  }
}

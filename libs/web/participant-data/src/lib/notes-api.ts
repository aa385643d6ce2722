import { HttpClient, HttpHeaders, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { withoutProblemSnackbar } from '@waypoint/web-core';
import type { Observable } from 'rxjs';
import type {
  BillingRule,
  BulkCosignResult,
  CosignQueue,
  GroupSession,
  MyNotes,
  NewGroupSession,
  NoteContent,
  NoteStatus,
  SessionNote,
  SessionNotePage,
} from './notes.models';

const API = '/api/v1';
const quiet = () => ({ context: withoutProblemSnackbar() });

/**
 * Session notes. Writes are quiet (no snackbar): the editor shows a stale version (409 with
 * `currentVersion`) as a merge view and field problems inline, and autosave retries by itself.
 */
@Injectable({ providedIn: 'root' })
export class NotesApi {
  readonly #http = inject(HttpClient);

  /** The program's H0038 rule, so units are computed live exactly as the API will. */
  billingRule(): Observable<BillingRule> {
    return this.#http.get<BillingRule>(`${API}/notes/billing-rule`);
  }

  list(participantId: string, options: { status?: NoteStatus; cursor?: string | null; limit?: number } = {}): Observable<SessionNotePage> {
    let params = new HttpParams().set('limit', options.limit ?? 25);
    if (options.status) params = params.set('status', options.status);
    if (options.cursor) params = params.set('cursor', options.cursor);
    return this.#http.get<SessionNotePage>(`${API}/participants/${encodeURIComponent(participantId)}/notes`, { params });
  }

  get(noteId: string): Observable<SessionNote> {
    return this.#http.get<SessionNote>(`${API}/notes/${encodeURIComponent(noteId)}`, quiet());
  }

  /**
   * A new draft. Pass one `idempotencyKey` per note the person is writing (e.g. a UUID made when
   * the editor opened) and reuse it on every retry: the API then makes exactly one note.
   */
  create(participantId: string, content: NoteContent, idempotencyKey: string): Observable<SessionNote> {
    return this.#http.post<SessionNote>(`${API}/participants/${encodeURIComponent(participantId)}/notes`, content, {
      ...quiet(),
      headers: new HttpHeaders({ 'Idempotency-Key': idempotencyKey }),
    });
  }

  /** Saves changes to a draft; a stale `version` is 409 with `currentVersion`. */
  update(noteId: string, changes: NoteContent & { version: number }): Observable<SessionNote> {
    return this.#http.patch<SessionNote>(`${API}/notes/${encodeURIComponent(noteId)}`, changes, quiet());
  }

  submit(note: Pick<SessionNote, 'id' | 'version'>): Observable<SessionNote> {
    return this.#command(note, 'submit', { version: note.version });
  }

  sign(note: Pick<SessionNote, 'id' | 'version'>): Observable<SessionNote> {
    return this.#command(note, 'sign', { version: note.version });
  }

  cosign(note: Pick<SessionNote, 'id' | 'version'>): Observable<SessionNote> {
    return this.#command(note, 'cosign', { version: note.version });
  }

  /**
   * Co-signs several at once. Each is its own command: one stale or already co-signed note does
   * not stop the others; the answer says which went through and why the rest did not.
   */
  cosignMany(notes: Pick<SessionNote, 'id' | 'version'>[]): Observable<BulkCosignResult> {
    return this.#http.post<BulkCosignResult>(`${API}/notes/cosign`, { notes: notes.map(({ id, version }) => ({ id, version })) }, quiet());
  }

  returnToDraft(note: Pick<SessionNote, 'id' | 'version'>, comment: string): Observable<SessionNote> {
    return this.#command(note, 'return', { version: note.version, comment });
  }

  addAddendum(noteId: string, addendum: { reason: string; body: string }): Observable<SessionNote> {
    return this.#http.post<SessionNote>(`${API}/notes/${encodeURIComponent(noteId)}/addenda`, addendum, quiet());
  }

  /** The supervisor's queue: the team's notes awaiting co-signature, oldest first. */
  cosignQueue(cursor?: string | null, limit = 25): Observable<CosignQueue> {
    let params = new HttpParams().set('limit', limit);
    if (cursor) params = params.set('cursor', cursor);
    return this.#http.get<CosignQueue>(`${API}/notes/cosign-queue`, { params });
  }

  /** The caller's returned notes and drafts (overdue flagged). Quiet: My tasks says it inline. */
  mine(): Observable<MyNotes> {
    return this.#http.get<MyNotes>(`${API}/notes/mine`, quiet());
  }

  /**
   * Records a group session: one draft note per attendee, all or none. Pass one `idempotencyKey`
   * per form and reuse it on every retry: the API then records the session exactly once.
   */
  createGroupSession(session: NewGroupSession, idempotencyKey: string): Observable<GroupSession> {
    return this.#http.post<GroupSession>(`${API}/group-sessions`, session, {
      ...quiet(),
      headers: new HttpHeaders({ 'Idempotency-Key': idempotencyKey }),
    });
  }

  /** A group session with the attendees' notes the caller reaches; quiet: the page explains a 404. */
  groupSession(id: string): Observable<GroupSession> {
    return this.#http.get<GroupSession>(`${API}/group-sessions/${encodeURIComponent(id)}`, quiet());
  }

  #command(note: Pick<SessionNote, 'id'>, command: string, body: object): Observable<SessionNote> {
    return this.#http.post<SessionNote>(`${API}/notes/${encodeURIComponent(note.id)}/${command}`, body, quiet());
  }
}

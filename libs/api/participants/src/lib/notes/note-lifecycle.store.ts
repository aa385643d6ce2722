import { BadRequestException, ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditContext } from '@waypoint/api-audit';
import type { AuthContext } from '@waypoint/api-auth';
import { queryable, updateReturning } from '@waypoint/api-database';
import { staleVersion } from '@waypoint/api-http';
import { NOTE_SECTIONS } from '@waypoint/shared-contracts';
import type { DataSource } from 'typeorm';
import { supervisedTeamPredicate } from '../access/participant-scope';
import { SqlParams } from '../access/sql-params';
import { TeamNotifier } from '../safety/team-notifier';
import type { AddAddendumDto, ReturnNoteDto } from './note-input.dto';
import { type NoteRow, NotesStore } from './notes.store';

type NoteStatus = NoteRow['status'];

/**
 * What happens to a note after it is written: draft → submitted → signed by the author (locked:
 * the signature keeps their name and credential as they were) → co-signed by the supervisor of
 * the author's team; a supervisor can return a submitted note to draft with a comment. A signed
 * note is corrected only by addenda. Each command carries the version the person was looking at.
 */
@Injectable()
export class NoteLifecycleStore {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly notes: NotesStore,
    private readonly notifier: TeamNotifier,
  ) {}

  async submit(auth: AuthContext, noteId: string, version: number) {
    const note = await this.#authored(auth, noteId);
    requireComplete(note);
    await this.#move(note, version, ['draft'], `status = 'submitted', submitted_at = now()`, []);
    return this.notes.get(auth, noteId);
  }

  /** The author signs (from draft or submitted): the note is locked, and its follow-up becomes a task. */
  async sign(auth: AuthContext, noteId: string, version: number) {
    const note = await this.#authored(auth, noteId);
    requireComplete(note);
    await this.#move(
      note,
      version,
      ['draft', 'submitted'],
      `status = 'signed', submitted_at = coalesce(submitted_at, now()), signed_at = now(),
       signed_by_name = (SELECT display_name FROM users WHERE id = $4), signed_by_credential = (SELECT credentials FROM users WHERE id = $4)`,
      [auth.userId],
    );
    await queryable(this.db).query(
      `INSERT INTO tasks (program_id, participant_id, owner_id, title, due_on, created_by)
       SELECT n.program_id, n.participant_id, n.author_id, 'Follow up (from the note of ' || to_char(n.started_at AT TIME ZONE p.time_zone, 'Mon DD') || ')', n.follow_up_on, n.author_id
         FROM session_notes n JOIN programs p ON p.id = n.program_id WHERE n.id = $1 AND n.follow_up_on IS NOT NULL`,
      [noteId],
    );
    return this.notes.get(auth, noteId);
  }

  /** The supervisor of the author's team co-signs a signed note; never their own. */
  async cosign(auth: AuthContext, noteId: string, version: number) {
    const note = await this.notes.noteInScope(auth, noteId);
    await this.#requireTeamSupervisor(auth, note.authorId);
    await this.#move(note, version, ['signed'], `status = 'cosigned', cosigned_at = now(), cosigned_by = $4`, [auth.userId]);
    return this.notes.get(auth, noteId);
  }

  /** Back to draft with what to fix; only a submitted note (a signed one takes an addendum). */
  async returnToDraft(auth: AuthContext, noteId: string, dto: ReturnNoteDto) {
    const note = await this.notes.noteInScope(auth, noteId);
    await this.#requireTeamSupervisor(auth, note.authorId);
    await this.#move(
      note,
      dto.version,
      ['submitted'],
      `status = 'draft', submitted_at = NULL, returned_at = now(), returned_by = $4, return_comment = $5`,
      [auth.userId, dto.comment],
    );
    // Same transaction as the return: the author hears about it exactly when it happened.
    await this.notifier.noteReturned(auth, noteId);
    return this.notes.get(auth, noteId);
  }

  /** A correction under a signed note, by its author. */
  async addAddendum(auth: AuthContext, noteId: string, dto: AddAddendumDto) {
    const note = await this.#authored(auth, noteId);
    if (note.status !== 'signed' && note.status !== 'cosigned') {
      throw new ConflictException('Only a signed note takes addenda; a draft is edited directly.');
    }
    const [row] = await queryable(this.db).query(
      `INSERT INTO note_addenda (program_id, note_id, author_id, reason, body) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [auth.programId, noteId, auth.userId, dto.reason, dto.body],
    );
    AuditContext.annotate({ resourceId: row.id });
    return this.notes.get(auth, noteId);
  }

  async #authored(auth: AuthContext, noteId: string): Promise<NoteRow> {
    const note = await this.notes.noteInScope(auth, noteId);
    if (note.authorId !== auth.userId) throw new ForbiddenException('Only the author submits, signs or adds to a note.');
    return note;
  }

  async #requireTeamSupervisor(auth: AuthContext, authorId: string): Promise<void> {
    if (authorId === auth.userId) throw new ForbiddenException('Nobody co-signs or returns their own note.');
    const params = new SqlParams();
    const rows = await queryable(this.db).query(
      `SELECT 1 FROM users u JOIN teams t ON t.id = u.team_id WHERE u.id = ${params.add(authorId)} AND ${supervisedTeamPredicate(auth, params, 't')}`,
      params.values,
    );
    if (auth.role !== 'supervisor' || rows.length === 0) {
      throw new ForbiddenException('Only the supervisor of the author’s team co-signs or returns their notes.');
    }
  }

  /**
   * One status move as a single guarded UPDATE: the version and the allowed from-states are in
   * the WHERE clause, so two people acting at once cannot both succeed. `$1`–`$3` are the id,
   * version and from-states; the `set` clause numbers its own parameters from `$4`.
   */
  async #move(note: NoteRow, version: number, from: NoteStatus[], set: string, extra: unknown[]): Promise<void> {
    const rows = await updateReturning(
      queryable(this.db),
      `UPDATE session_notes SET ${set}, version = version + 1 WHERE id = $1 AND version = $2 AND status = ANY($3::text[]) RETURNING id`,
      [note.id, version, from, ...extra],
    );
    if (rows.length > 0) return;
    // Read again: someone may have moved it since it was loaded for this command.
    const [now] = await queryable(this.db).query(`SELECT status, version FROM session_notes WHERE id = $1`, [note.id]);
    if (now.version !== version) throw staleVersion('session note', now.version);
    throw new ConflictException(`A ${now.status} note cannot be moved that way (it must be ${from.join(' or ')}).`);
  }
}

/** A note is signed with every section of its format written (an attempted contact: at least one). */
function requireComplete(note: NoteRow): void {
  const sections = NOTE_SECTIONS[note.format];
  const missing = sections.filter((name) => !note.sections[name]);
  const enough = note.contactType === 'attempted' ? missing.length < sections.length : missing.length === 0;
  if (!enough) throw new BadRequestException(`Write the ${missing.join(', ')} section${missing.length > 1 ? 's' : ''} first.`);
}

import { BadRequestException, ConflictException, ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditContext } from '@waypoint/api-audit';
import type { AuthContext } from '@waypoint/api-auth';
import { APP_CONFIG, type AppConfig } from '@waypoint/api-config';
import { queryable, updateReturning } from '@waypoint/api-database';
import { staleVersion } from '@waypoint/api-http';
import type { NoteFormat } from '@waypoint/shared-contracts';
import type { DataSource } from 'typeorm';
import { isMicrosecondTimestamp, UUID_PATTERN, withoutCursorColumn } from '../access/cursor-values';
import { ParticipantsRepository } from '../access/participants.repository';
import { SqlParams } from '../access/sql-params';
import type { CreateNoteDto, ListNotesQuery, UpdateNoteDto } from './note-input.dto';
import { checkedSections, contactTimes, noteBilling, withCapFacts } from './note-rules';
import { checkedTopics, programNoteSettings } from './note-settings.store';

/** A note as the API returns it. */
export const NOTE_COLUMNS = `n.id, n.participant_id AS "participantId", n.author_id AS "authorId", au.display_name AS "authorName",
  n.started_at AS "startedAt", n.ended_at AS "endedAt", (extract(epoch FROM n.ended_at - n.started_at) / 60)::int AS "durationMinutes",
  n.contact_type AS "contactType", n.modality, n.location, n.format, n.sections, n.goal_ids AS "goalIds", n.topics,
  n.risk_concern AS "riskConcern", n.risk_detail AS "riskDetail", n.naloxone_provided AS "naloxoneProvided",
  n.follow_up_on::text AS "followUpOn", n.units, n.modifiers, n.status, n.reviewed_with_participant AS "reviewedWithParticipant",
  n.submitted_at AS "submittedAt", n.signed_at AS "signedAt", n.signed_by_name AS "signedByName", n.signed_by_credential AS "signedByCredential",
  n.cosigned_at AS "cosignedAt", co.display_name AS "cosignedByName",
  n.returned_at AS "returnedAt", rb.display_name AS "returnedByName", n.return_comment AS "returnComment",
  n.group_session_id AS "groupSessionId", n.created_at AS "createdAt", n.updated_at AS "updatedAt", n.version`;
/** The participant's name as lists show it (preferred first name, else legal), for a query joining `participants p`. */
export const PARTICIPANT_NAME = `coalesce(p.preferred_name, p.legal_first_name) || ' ' || p.legal_last_name`;
export const NOTE_FROM = `session_notes n JOIN users au ON au.id = n.author_id
  LEFT JOIN users co ON co.id = n.cosigned_by LEFT JOIN users rb ON rb.id = n.returned_by`;

export interface NoteRow {
  id: string;
  participantId: string;
  authorId: string;
  status: 'draft' | 'submitted' | 'signed' | 'cosigned';
  version: number;
  startedAt: Date;
  endedAt: Date;
  contactType: CreateNoteDto['contactType'];
  format: NoteFormat;
  sections: Record<string, string>;
  topics: string[];
  [column: string]: unknown;
}

/**
 * Session notes: drafts written and rewritten by their author (every update carries the version;
 * a stale one is 409), read by whoever reaches the participant. A note is reached through its
 * participant, so out of scope and nonexistent are the same 404. Units are computed here from
 * the times with the program's billing rule, never taken from the client.
 */
@Injectable()
export class NotesStore {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'billing'>,
    private readonly participants: ParticipantsRepository,
  ) {}

  /**
   * A new draft. With an `Idempotency-Key`, the same author sending the same key again (a retried
   * click, a flaky network) gets the note the first request made, never a second one.
   */
  async create(auth: AuthContext, participantId: string, dto: CreateNoteDto, idempotencyKey?: string, groupSessionId?: string) {
    await this.participants.requireInScope(auth, participantId);
    if (idempotencyKey) {
      const existing = await this.#byIdempotencyKey(auth, idempotencyKey);
      if (existing) return this.#replayed(auth, existing, participantId);
    }
    const times = contactTimes(dto.startedAt, dto.endedAt, dto.durationMinutes);
    const settings = await programNoteSettings(queryable(this.db), auth.programId);
    const format = dto.format ?? settings.defaultFormat;
    const sections = checkedSections(format, dto.sections ?? {});
    checkedTopics(dto.topics, settings);
    await this.#requireActiveGoals(auth, participantId, dto.goalIds ?? []);
    const billing = await noteBilling(queryable(this.db), this.config.billing, {
      programId: auth.programId,
      timeZone: settings.timeZone,
      participantId,
      startedAt: times.startedAt,
      minutes: times.minutes,
      contactType: dto.contactType,
    });
    const [row] = await queryable(this.db).query(
      `INSERT INTO session_notes (program_id, participant_id, author_id, started_at, ended_at, contact_type, modality, location, format,
                                  sections, goal_ids, topics, risk_concern, risk_detail, naloxone_provided, follow_up_on, units, modifiers,
                                  reviewed_with_participant, idempotency_key, group_session_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)
       ON CONFLICT (program_id, author_id, idempotency_key) DO NOTHING
       RETURNING id`,
      [
        auth.programId,
        participantId,
        auth.userId,
        times.startedAt,
        times.endedAt,
        dto.contactType,
        dto.modality,
        dto.location ?? null,
        format,
        JSON.stringify(sections),
        dto.goalIds ?? [],
        dto.topics ?? [],
        dto.riskConcern ?? false,
        dto.riskDetail ?? null,
        dto.naloxoneProvided ?? false,
        dto.followUpOn ?? null,
        billing.units,
        billing.modifiers,
        dto.reviewedWithParticipant ?? false,
        idempotencyKey ?? null,
        groupSessionId ?? null,
      ],
    );
    if (!row) {
      // Two requests with one key raced; the other one's insert won. Answer with its note.
      const winner = await this.#byIdempotencyKey(auth, idempotencyKey as string);
      if (winner) return this.#replayed(auth, winner, participantId);
    }
    AuditContext.annotate({ resourceId: row.id });
    return { ...(await this.get(auth, row.id)), billing };
  }

  /** Changes a draft. Only its author; a signed or submitted note is not edited (409). */
  async update(auth: AuthContext, noteId: string, dto: UpdateNoteDto) {
    const note = await this.noteInScope(auth, noteId);
    if (note.authorId !== auth.userId) throw new ForbiddenException('Only the author changes a note.');
    if (note.status !== 'draft') {
      throw new ConflictException(note.status === 'submitted' ? 'The note is submitted; it can be signed, or returned to draft by a supervisor.' : 'The note is signed; add an addendum instead.');
    }
    const startedAt = dto.startedAt ?? note.startedAt.toISOString();
    const keepsLength = dto.endedAt === undefined && dto.durationMinutes === undefined;
    const durationMinutes = keepsLength ? Math.round((note.endedAt.getTime() - note.startedAt.getTime()) / 60_000) : dto.durationMinutes;
    const times = contactTimes(startedAt, dto.endedAt, durationMinutes);
    const format = dto.format ?? note.format;
    if (dto.format && dto.format !== note.format && dto.sections === undefined) {
      throw new BadRequestException(`Changing the format to ${dto.format} needs its sections too.`);
    }
    const sections = checkedSections(format, dto.sections ?? note.sections);
    if (dto.goalIds) await this.#requireActiveGoals(auth, note.participantId, dto.goalIds);
    const settings = await programNoteSettings(queryable(this.db), auth.programId);
    checkedTopics(dto.topics, settings, note.topics);
    const contactType = dto.contactType ?? note.contactType;
    const billing = await noteBilling(queryable(this.db), this.config.billing, {
      programId: auth.programId,
      timeZone: settings.timeZone,
      participantId: note.participantId,
      noteId,
      startedAt: times.startedAt,
      minutes: times.minutes,
      contactType,
    });

    const params = new SqlParams();
    const sets = [
      `started_at = ${params.add(times.startedAt)}`,
      `ended_at = ${params.add(times.endedAt)}`,
      `format = ${params.add(format)}`,
      `sections = ${params.add(JSON.stringify(sections))}::jsonb`,
      `contact_type = ${params.add(contactType)}`,
      `units = ${params.add(billing.units)}`,
      `modifiers = ${params.add(billing.modifiers)}::text[]`,
    ];
    const optional: [keyof UpdateNoteDto, string, string?][] = [
      ['modality', 'modality'],
      ['location', 'location'],
      ['goalIds', 'goal_ids', 'uuid[]'],
      ['topics', 'topics', 'text[]'],
      ['riskConcern', 'risk_concern'],
      ['riskDetail', 'risk_detail'],
      ['naloxoneProvided', 'naloxone_provided'],
      ['followUpOn', 'follow_up_on', 'date'],
      ['reviewedWithParticipant', 'reviewed_with_participant'],
    ];
    for (const [field, column, cast] of optional) {
      if (dto[field] !== undefined) sets.push(`${column} = ${params.add(dto[field])}${cast ? `::${cast}` : ''}`);
    }
    const updated = await updateReturning(
      queryable(this.db),
      `UPDATE session_notes SET ${sets.join(', ')}, version = version + 1
        WHERE id = ${params.add(noteId)} AND version = ${params.add(dto.version)} AND status = 'draft' RETURNING id`,
      params.values,
    );
    if (updated.length === 0) throw staleVersion('session note', (await this.noteInScope(auth, noteId)).version);
    return { ...(await this.get(auth, noteId)), billing };
  }

  /** The participant's notes, newest first, one keyset page at a time. */
  async list(auth: AuthContext, participantId: string, query: ListNotesQuery) {
    await this.participants.requireInScope(auth, participantId);
    const limit = query.limit ?? 25;
    const params = new SqlParams();
    const where = [`n.program_id = ${params.add(auth.programId)}`, `n.participant_id = ${params.add(participantId)}`];
    if (query.status) where.push(`n.status = ${params.add(query.status)}`);
    if (query.cursor) {
      const after = decodeCursor(query.cursor);
      where.push(`(n.started_at, n.id) < (${params.add(after.startedAt)}::timestamptz, ${params.add(after.id)}::uuid)`);
    }
    const rows: (NoteRow & { cursorAt: string })[] = await queryable(this.db).query(
      `SELECT ${NOTE_COLUMNS}, to_char(n.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "cursorAt" FROM ${NOTE_FROM}
        WHERE ${where.join(' AND ')} ORDER BY n.started_at DESC, n.id DESC LIMIT ${params.add(limit + 1)}`,
      params.values,
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: withoutCursorColumn(page, 'cursorAt').map((note) => this.withCapFacts(note)),
      nextCursor: rows.length > limit && last ? Buffer.from(`${last.cursorAt}|${last.id}`).toString('base64url') : null,
    };
  }

  /** The note with what the daily cap did to its units (note-rules.ts), as every read returns it. */
  withCapFacts<T extends object>(note: T) {
    return withCapFacts(note as T & { durationMinutes: number; contactType: string; units: number }, this.config.billing);
  }

  /** One note with its addenda, oldest first. */
  async get(auth: AuthContext, noteId: string) {
    const note = await this.noteInScope(auth, noteId);
    const [row] = await queryable(this.db).query(`SELECT ${NOTE_COLUMNS} FROM ${NOTE_FROM} WHERE n.id = $1`, [noteId]);
    const addenda = await queryable(this.db).query(
      `SELECT a.id, a.author_id AS "authorId", u.display_name AS "authorName", a.reason, a.body, a.created_at AS "createdAt"
         FROM note_addenda a JOIN users u ON u.id = a.author_id WHERE a.note_id = $1 ORDER BY a.created_at, a.id`,
      [note.id],
    );
    return { ...this.withCapFacts(row), addenda };
  }

  /** The note, when the caller reaches its participant; else the same 404 as no note at all. */
  async noteInScope(auth: AuthContext, noteId: string): Promise<NoteRow> {
    const [note] = await queryable(this.db).query(
      `SELECT n.id, n.participant_id AS "participantId", n.author_id AS "authorId", n.status, n.version, n.started_at AS "startedAt",
              n.ended_at AS "endedAt", n.contact_type AS "contactType", n.format, n.sections, n.topics
         FROM session_notes n WHERE n.id = $1 AND n.program_id = $2`,
      [noteId, auth.programId],
    );
    if (!note) throw new NotFoundException('No such session note.');
    try {
      await this.participants.requireInScope(auth, note.participantId);
    } catch (error) {
      if (error instanceof NotFoundException) throw new NotFoundException('No such session note.');
      throw error;
    }
    return note;
  }

  async #byIdempotencyKey(auth: AuthContext, key: string): Promise<{ id: string; participantId: string } | undefined> {
    const [row] = await queryable(this.db).query(
      `SELECT id, participant_id AS "participantId" FROM session_notes WHERE program_id = $1 AND author_id = $2 AND idempotency_key = $3`,
      [auth.programId, auth.userId, key],
    );
    return row;
  }

  /** The note a key already made; the same key for another participant is a client bug (409). */
  async #replayed(auth: AuthContext, existing: { id: string; participantId: string }, participantId: string) {
    if (existing.participantId !== participantId) {
      throw new ConflictException('This Idempotency-Key was already used for a note about another participant.');
    }
    AuditContext.annotate({ resourceId: existing.id });
    return { ...(await this.get(auth, existing.id)), replayed: true };
  }

  async #requireActiveGoals(auth: AuthContext, participantId: string, goalIds: string[]): Promise<void> {
    if (goalIds.length === 0) return;
    const [{ count }] = await queryable(this.db).query(
      `SELECT count(*)::int AS count FROM goals WHERE program_id = $1 AND participant_id = $2 AND status = 'active' AND id = ANY($3::uuid[])`,
      [auth.programId, participantId, goalIds],
    );
    if (count !== goalIds.length) throw new BadRequestException('A linked goal must be one of the participant’s active goals.');
  }
}

function decodeCursor(cursor: string): { startedAt: string; id: string } {
  const [startedAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!isMicrosecondTimestamp(startedAt) || !id || !UUID_PATTERN.test(id)) {
    throw new BadRequestException('The cursor is not valid; start from the first page.');
  }
  return { startedAt, id };
}

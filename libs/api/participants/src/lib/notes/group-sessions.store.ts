import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditContext } from '@waypoint/api-audit';
import type { AuthContext } from '@waypoint/api-auth';
import { inTransaction, queryable } from '@waypoint/api-database';
import type { DataSource } from 'typeorm';
import { careTeamPredicate } from '../access/participant-scope';
import { SqlParams } from '../access/sql-params';
import type { CreateGroupSessionDto } from './note-input.dto';
import { contactTimes } from './note-rules';
import { NOTE_COLUMNS, NOTE_FROM, NotesStore, PARTICIPANT_NAME } from './notes.store';

/**
 * Group sessions: the facilitator records the meeting once and every attendee gets their own
 * draft note (shared Goal/Intervention/Plan, their own Response and goals, contact type group,
 * so the HQ modifier), each signed on its own. One transaction: an attendee out of the
 * facilitator's scope (404) or a bad note writes nothing at all.
 */
@Injectable()
export class GroupSessionsStore {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly notes: NotesStore,
  ) {}

  /** One transaction (joined if the caller has one): the session and every note, or nothing. */
  create(auth: AuthContext, dto: CreateGroupSessionDto, idempotencyKey?: string) {
    return inTransaction(this.db, () => this.#create(auth, dto, idempotencyKey));
  }

  async #create(auth: AuthContext, dto: CreateGroupSessionDto, idempotencyKey?: string) {
    if (idempotencyKey) {
      const existing = await this.#byKey(auth, idempotencyKey);
      if (existing) return { ...(await this.get(auth, existing)), replayed: true };
    }
    const times = contactTimes(dto.startedAt, dto.endedAt, dto.durationMinutes);
    const [session] = await queryable(this.db).query(
      `INSERT INTO group_sessions (program_id, facilitator_id, topic, started_at, ended_at, idempotency_key)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (program_id, facilitator_id, idempotency_key) DO NOTHING RETURNING id`,
      [auth.programId, auth.userId, dto.topic, times.startedAt, times.endedAt, idempotencyKey ?? null],
    );
    if (!session) {
      // A retry with the same key raced this one and committed first.
      const winner = await this.#byKey(auth, idempotencyKey as string);
      if (!winner) throw new ConflictException('This group session is being recorded by another request; try again.');
      return { ...(await this.get(auth, winner)), replayed: true };
    }
    // In id order: each note takes its participant's cap lock, and two groups sharing attendees
    // must take them in the same order or they could deadlock.
    const attendees = [...dto.attendees].sort((a, b) => a.participantId.localeCompare(b.participantId));
    for (const attendee of attendees) {
      const sections = Object.fromEntries(
        Object.entries({ goal: dto.goal, intervention: dto.intervention, response: attendee.response, plan: dto.plan }).filter(([, text]) => text?.trim()),
      ) as Record<string, string>;
      await this.notes.create(
        auth,
        attendee.participantId,
        {
          startedAt: times.startedAt.toISOString(),
          endedAt: times.endedAt.toISOString(),
          contactType: 'group',
          modality: dto.modality,
          location: dto.location ?? null,
          format: 'GIRP',
          sections,
          goalIds: attendee.goalIds,
          topics: dto.topics,
        },
        undefined,
        session.id,
      );
    }
    AuditContext.annotate({ resourceId: session.id });
    return this.get(auth, session.id);
  }

  /** The session and the attendees' notes the caller reaches, each with its participant's name; 404 when they reach none. */
  async get(auth: AuthContext, id: string) {
    const [session] = await queryable(this.db).query(
      `SELECT g.id, g.topic, g.started_at AS "startedAt", g.ended_at AS "endedAt", g.facilitator_id AS "facilitatorId", f.display_name AS "facilitatorName"
         FROM group_sessions g JOIN users f ON f.id = g.facilitator_id WHERE g.id = $1 AND g.program_id = $2`,
      [id, auth.programId],
    );
    if (!session) throw new NotFoundException('No such group session.');
    const params = new SqlParams();
    const notes: { participantId: string }[] = await queryable(this.db).query(
      `SELECT ${NOTE_COLUMNS}, ${PARTICIPANT_NAME} AS "participantName" FROM ${NOTE_FROM} JOIN participants p ON p.id = n.participant_id
        WHERE n.group_session_id = ${params.add(id)} AND ${careTeamPredicate(auth, params, 'p')}
        ORDER BY p.legal_last_name, p.legal_first_name, n.id`,
      params.values,
    );
    if (notes.length === 0) throw new NotFoundException('No such group session.');
    AuditContext.touch(notes.map((note) => note.participantId));
    return { ...session, notes: notes.map((note) => this.notes.withCapFacts(note)) };
  }

  async #byKey(auth: AuthContext, key: string): Promise<string | undefined> {
    const [row] = await queryable(this.db).query(`SELECT id FROM group_sessions WHERE program_id = $1 AND facilitator_id = $2 AND idempotency_key = $3`, [
      auth.programId,
      auth.userId,
      key,
    ]);
    return row?.id;
  }
}

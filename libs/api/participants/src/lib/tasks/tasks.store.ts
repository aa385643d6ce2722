import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditContext } from '@waypoint/api-audit';
import type { AuthContext } from '@waypoint/api-auth';
import { programTodaySql, queryable, updateReturning } from '@waypoint/api-database';
import { staleVersion } from '@waypoint/api-http';
import type { DataSource } from 'typeorm';
import { ParticipantsRepository } from '../access/participants.repository';
import { isCalendarDate } from '../access/cursor-values';
import { careTeamPredicate } from '../access/participant-scope';
import { SqlParams } from '../access/sql-params';
import { AssignableSpecialists } from '../assignments/assignable-specialists';
import type { CreateTaskDto, ListTasksQuery, UpdateTaskDto } from './task.dto';

const TASK_COLUMNS = `t.id, t.participant_id AS "participantId",
  coalesce(p.preferred_name, p.legal_first_name) || ' ' || p.legal_last_name AS "participantName",
  t.owner_id AS "ownerId", o.display_name AS "ownerName", t.title, t.due_on::text AS "dueOn",
  t.done_at AS "doneAt", (t.done_at IS NULL AND t.due_on < ${programTodaySql('t.program_id')}) AS overdue, t.version`;

/**
 * Follow-up tasks. "My tasks" are the caller's, for participants still in their care-team scope,
 * open ones by due date (so the overdue come first), one keyset page at a time.
 */
@Injectable()
export class TasksStore {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly participants: ParticipantsRepository,
    private readonly specialists: AssignableSpecialists,
  ) {}

  async mine(auth: AuthContext, query: ListTasksQuery) {
    const params = new SqlParams();
    const where = [`t.program_id = ${params.add(auth.programId)}`, `t.owner_id = ${params.add(auth.userId)}`, careTeamPredicate(auth, params, 'p')];
    return this.#page(where, params, query);
  }

  /** One participant's tasks, whoever owns them: open (default), done or all, by due date. */
  async forParticipant(auth: AuthContext, participantId: string, query: ListTasksQuery) {
    await this.participants.requireInScope(auth, participantId);
    const params = new SqlParams();
    const where = [`t.program_id = ${params.add(auth.programId)}`, `t.participant_id = ${params.add(participantId)}`];
    return this.#page(where, params, query);
  }

  /** A keyset page of tasks matching `where`, by due date (so the overdue come first). */
  async #page(where: string[], params: SqlParams, query: ListTasksQuery) {
    const limit = query.limit ?? 25;
    const status = query.status ?? 'open';
    if (status === 'open') where.push('t.done_at IS NULL');
    if (status === 'done') where.push('t.done_at IS NOT NULL');
    if (query.cursor) {
      const after = decodeCursor(query.cursor);
      where.push(`(t.due_on, t.id) > (${params.add(after.dueOn)}::date, ${params.add(after.id)}::uuid)`);
    }
    const rows: { id: string; dueOn: string; participantId: string }[] = await queryable(this.db).query(
      `SELECT ${TASK_COLUMNS} FROM tasks t JOIN participants p ON p.id = t.participant_id JOIN users o ON o.id = t.owner_id
        WHERE ${where.join(' AND ')} ORDER BY t.due_on, t.id LIMIT ${params.add(limit + 1)}`,
      params.values,
    );
    const items = rows.slice(0, limit);
    AuditContext.touch(items.map((item) => item.participantId));
    const last = items.at(-1);
    return { items, nextCursor: rows.length > limit && last ? Buffer.from(`${last.dueOn}|${last.id}`).toString('base64url') : null };
  }

  async create(auth: AuthContext, participantId: string, dto: CreateTaskDto) {
    await this.participants.requireInScope(auth, participantId);
    const ownerId = dto.ownerId ?? auth.userId;
    if (ownerId !== auth.userId && !(auth.role === 'supervisor' && (await this.specialists.mayAssignTo(auth, ownerId)))) {
      throw new BadRequestException('A task goes to you, or (for a supervisor) to someone on your team.');
    }
    const [task] = await queryable(this.db).query(
      `INSERT INTO tasks (program_id, participant_id, owner_id, title, due_on, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [auth.programId, participantId, ownerId, dto.title, dto.dueOn, auth.userId],
    );
    AuditContext.annotate({ resourceId: task.id });
    return this.#one(auth, task.id);
  }

  async update(auth: AuthContext, taskId: string, dto: UpdateTaskDto) {
    await this.#requireInScope(auth, taskId);
    const params = new SqlParams();
    const sets: string[] = [];
    if (dto.title !== undefined) sets.push(`title = ${params.add(dto.title)}`);
    if (dto.dueOn !== undefined) sets.push(`due_on = ${params.add(dto.dueOn)}::date`);
    if (dto.done !== undefined) sets.push(`done_at = CASE WHEN ${params.add(dto.done)}::boolean THEN coalesce(done_at, now()) END`);
    if (sets.length === 0) throw new BadRequestException('Nothing to change: send title, dueOn or done.');
    const rows = await updateReturning(
      queryable(this.db),
      `UPDATE tasks SET ${sets.join(', ')}, version = version + 1 WHERE id = ${params.add(taskId)} AND version = ${params.add(dto.version)} RETURNING id`,
      params.values,
    );
    if (rows.length === 0) {
      const [current] = await queryable(this.db).query(`SELECT version FROM tasks WHERE id = $1`, [taskId]);
      throw staleVersion('task', current.version);
    }
    return this.#one(auth, taskId);
  }

  /** A task is reached through its participant: in the caller's scope, else 404. */
  async #requireInScope(auth: AuthContext, taskId: string): Promise<void> {
    const params = new SqlParams();
    const [task] = await queryable(this.db).query(
      `SELECT t.participant_id AS "participantId" FROM tasks t JOIN participants p ON p.id = t.participant_id
        WHERE t.id = ${params.add(taskId)} AND t.program_id = ${params.add(auth.programId)} AND ${careTeamPredicate(auth, params, 'p')}`,
      params.values,
    );
    if (!task) throw new NotFoundException('No such task.');
    AuditContext.touch([task.participantId]);
  }

  async #one(auth: AuthContext, taskId: string) {
    const [task] = await queryable(this.db).query(
      `SELECT ${TASK_COLUMNS} FROM tasks t JOIN participants p ON p.id = t.participant_id JOIN users o ON o.id = t.owner_id WHERE t.id = $1 AND t.program_id = $2`,
      [taskId, auth.programId],
    );
    return task;
  }
}

function decodeCursor(cursor: string): { dueOn: string; id: string } {
  const match = /^(\d{4}-\d\d-\d\d)\|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  // A well-formed but impossible date would fail the SQL cast: a 400 here, not a 500 there.
  if (!match || !isCalendarDate(match[1])) throw new BadRequestException('The cursor is not valid; start from the first page.');
  return { dueOn: match[1], id: match[2] };
}

import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditContext } from '@waypoint/api-audit';
import type { AuthContext } from '@waypoint/api-auth';
import { programToday, programTodaySql, queryable, updateReturning } from '@waypoint/api-database';
import { staleVersion } from '@waypoint/api-http';
import { GOAL_STATUS_TRANSITIONS, type GoalStatus, goalStatusNeedsReason } from '@waypoint/shared-contracts';
import type { DataSource } from 'typeorm';
import { ParticipantsRepository } from '../access/participants.repository';
import { careTeamPredicate } from '../access/participant-scope';
import { SqlParams } from '../access/sql-params';
import {
  type AddStepDto,
  type ChangeGoalStatusDto,
  type CreateGoalDto,
  type RecordProgressDto,
  type ReorderStepsDto,
  STEPS_PER_GOAL,
  type UpdateGoalDto,
  type UpdateStepDto,
} from './plan-input.dto';

/** Progress entries shown per goal: enough for its trend; older ones stay in the database. */
const PROGRESS_PER_GOAL = 12;
/** A plan holds at most this many goals (closed ones included); more is not a plan anyone reads. */
const GOALS_PER_PLAN = 100;

/**
 * Recovery plans: goals, their ordered steps and progress. Every goal route reaches its goal
 * through the participant's care-team scope (404 otherwise, like the participant itself), and
 * names that participant to the audit trail. A plan is read in three queries however many
 * goals it has (goals, then steps and progress for all of them at once).
 */
@Injectable()
export class RecoveryPlanStore {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly participants: ParticipantsRepository,
  ) {}

  async plan(auth: AuthContext, participantId: string) {
    await this.participants.requireInScope(auth, participantId);
    return { goals: await this.#goals(auth, participantId) };
  }

  async createGoal(auth: AuthContext, participantId: string, dto: CreateGoalDto) {
    await this.participants.requireInScope(auth, participantId);
    const [{ count }] = await queryable(this.db).query(`SELECT count(*)::int AS count FROM goals WHERE program_id = $1 AND participant_id = $2`, [
      auth.programId,
      participantId,
    ]);
    if (count >= GOALS_PER_PLAN) throw new ConflictException(`A plan holds at most ${GOALS_PER_PLAN} goals.`);
    const [goal] = await queryable(this.db).query(
      `INSERT INTO goals (program_id, participant_id, dimension, statement, target_date, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [auth.programId, participantId, dto.dimension, dto.statement, dto.targetDate ?? null, auth.userId],
    );
    const steps = (dto.steps ?? []).map((step) => step.trim()).filter((step) => step.length > 0);
    if (steps.length > 0) {
      await queryable(this.db).query(
        `INSERT INTO goal_steps (program_id, goal_id, position, description)
         SELECT $1, $2, s.position - 1, s.description FROM unnest($3::text[]) WITH ORDINALITY AS s(description, position)`,
        [auth.programId, goal.id, steps],
      );
    }
    AuditContext.annotate({ resourceId: goal.id });
    return this.#goal(auth, participantId, goal.id);
  }

  async updateGoal(auth: AuthContext, goalId: string, dto: UpdateGoalDto) {
    const { participantId } = await this.#goalInScope(auth, goalId);
    const params = new SqlParams();
    const sets: string[] = [];
    if (dto.dimension !== undefined) sets.push(`dimension = ${params.add(dto.dimension)}`);
    if (dto.statement !== undefined) sets.push(`statement = ${params.add(dto.statement)}`);
    if (dto.targetDate !== undefined) sets.push(`target_date = ${params.add(dto.targetDate)}::date`);
    if (sets.length === 0) throw new BadRequestException('Nothing to change: send at least one field.');
    await this.#versioned('goal', goalId, dto.version, `UPDATE goals SET ${sets.join(', ')}, version = version + 1`, params);
    return this.#goal(auth, participantId, goalId);
  }

  async changeGoalStatus(auth: AuthContext, goalId: string, dto: ChangeGoalStatusDto) {
    const { participantId, status } = await this.#goalInScope(auth, goalId);
    if (!GOAL_STATUS_TRANSITIONS[status].includes(dto.status)) {
      throw new ConflictException(`This goal is ${status}; it can be made ${GOAL_STATUS_TRANSITIONS[status].join(' or ')}.`);
    }
    if (goalStatusNeedsReason(dto.status) && !dto.reason) throw new BadRequestException(`Say why the goal is ${dto.status}.`);
    const params = new SqlParams();
    await this.#versioned(
      'goal',
      goalId,
      dto.version,
      `UPDATE goals SET status = ${params.add(dto.status)}, status_reason = ${params.add(dto.reason ?? null)}, status_changed_on = ${programTodaySql(params.add(auth.programId))}, version = version + 1`,
      params,
    );
    return this.#goal(auth, participantId, goalId);
  }

  async addStep(auth: AuthContext, goalId: string, dto: AddStepDto) {
    const { participantId } = await this.#goalInScope(auth, goalId, { lock: true });
    const [{ count, next }] = await queryable(this.db).query(
      `SELECT count(*)::int AS count, coalesce(max(position) + 1, 0) AS next FROM goal_steps WHERE goal_id = $1`,
      [goalId],
    );
    if (count >= STEPS_PER_GOAL) throw new ConflictException(`A goal holds at most ${STEPS_PER_GOAL} steps.`);
    const [step] = await queryable(this.db).query(
      `INSERT INTO goal_steps (program_id, goal_id, position, description) VALUES ($1, $2, $3, $4) RETURNING id`,
      [auth.programId, goalId, next, dto.description],
    );
    AuditContext.annotate({ resourceId: step.id });
    return this.#goal(auth, participantId, goalId);
  }

  async updateStep(auth: AuthContext, stepId: string, dto: UpdateStepDto) {
    const [step] = await queryable(this.db).query(`SELECT goal_id AS "goalId" FROM goal_steps WHERE id = $1 AND program_id = $2`, [stepId, auth.programId]);
    if (!step) throw new NotFoundException('No such step.');
    const { participantId } = await this.#goalInScope(auth, step.goalId, { notFound: 'No such step.' });
    const params = new SqlParams();
    const sets: string[] = [];
    if (dto.done !== undefined) sets.push(`done_at = CASE WHEN ${params.add(dto.done)}::boolean THEN coalesce(done_at, now()) END`);
    if (dto.description !== undefined) sets.push(`description = ${params.add(dto.description)}`);
    if (sets.length === 0) throw new BadRequestException('Nothing to change: send done or description.');
    await this.#versioned('step', stepId, dto.version, `UPDATE goal_steps SET ${sets.join(', ')}, version = version + 1`, params, 'goal_steps');
    return this.#goal(auth, participantId, step.goalId);
  }

  /** The new order must name every step of the goal exactly once. */
  async reorderSteps(auth: AuthContext, goalId: string, dto: ReorderStepsDto) {
    const { participantId } = await this.#goalInScope(auth, goalId, { lock: true });
    const existing: { id: string }[] = await queryable(this.db).query(`SELECT id FROM goal_steps WHERE goal_id = $1`, [goalId]);
    const known = new Set(existing.map((row) => row.id));
    if (dto.stepIds.length !== known.size || dto.stepIds.some((id) => !known.has(id))) {
      throw new BadRequestException('Send every step of this goal exactly once, in the new order.');
    }
    await queryable(this.db).query(
      `UPDATE goal_steps s SET position = o.position - 1, version = s.version + 1
         FROM unnest($2::uuid[]) WITH ORDINALITY AS o(id, position)
        WHERE s.goal_id = $1 AND s.id = o.id AND s.position <> o.position - 1`,
      [goalId, dto.stepIds],
    );
    return this.#goal(auth, participantId, goalId);
  }

  async recordProgress(auth: AuthContext, goalId: string, dto: RecordProgressDto) {
    const { participantId } = await this.#goalInScope(auth, goalId);
    const today = await programToday(queryable(this.db), auth.programId);
    const recordedOn = dto.recordedOn ?? today;
    if (recordedOn > today) throw new BadRequestException('Progress cannot be recorded for a future date.');
    const [entry] = await queryable(this.db).query(
      `INSERT INTO goal_progress (program_id, goal_id, recorded_on, rating, comment, recorded_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [auth.programId, goalId, recordedOn, dto.rating, dto.comment ?? null, auth.userId],
    );
    AuditContext.annotate({ resourceId: entry.id });
    return this.#goal(auth, participantId, goalId);
  }

  /** The goal, when its participant is in the caller's scope; names that participant to the audit trail. */
  async #goalInScope(auth: AuthContext, goalId: string, options: { lock?: boolean; notFound?: string } = {}): Promise<{ participantId: string; status: GoalStatus }> {
    const params = new SqlParams();
    const [goal] = await queryable(this.db).query(
      `SELECT g.participant_id AS "participantId", g.status FROM goals g JOIN participants p ON p.id = g.participant_id
        WHERE g.id = ${params.add(goalId)} AND g.program_id = ${params.add(auth.programId)} AND ${careTeamPredicate(auth, params, 'p')}
        ${options.lock ? 'FOR UPDATE OF g' : ''}`,
      params.values,
    );
    if (!goal) throw new NotFoundException(options.notFound ?? 'No such goal.');
    AuditContext.touch([goal.participantId]);
    return goal;
  }

  /** Runs an UPDATE … WHERE id AND version; a stale version is 409 with the current one. */
  async #versioned(what: string, id: string, version: number, update: string, params: SqlParams, table = 'goals'): Promise<void> {
    const rows = await updateReturning(
      queryable(this.db),
      `${update} WHERE id = ${params.add(id)} AND version = ${params.add(version)} RETURNING id`,
      params.values,
    );
    if (rows.length > 0) return;
    const [current] = await queryable(this.db).query(`SELECT version FROM ${table} WHERE id = $1`, [id]);
    throw staleVersion(what, current.version);
  }

  async #goal(auth: AuthContext, participantId: string, goalId: string) {
    const [goal] = await this.#goals(auth, participantId, goalId);
    return goal;
  }

  /** Goals (newest first within each dimension), each with its steps and recent progress. */
  async #goals(auth: AuthContext, participantId: string, onlyGoalId?: string) {
    const goals: Record<string, unknown>[] = await queryable(this.db).query(
      `SELECT id, dimension, statement, target_date::text AS "targetDate", status, status_reason AS "statusReason",
              status_changed_on::text AS "statusChangedOn", created_at AS "createdAt", version
         FROM goals WHERE program_id = $1 AND participant_id = $2 AND ($3::uuid IS NULL OR id = $3)
        ORDER BY status = 'active' DESC, created_at DESC, id LIMIT ${GOALS_PER_PLAN}`,
      [auth.programId, participantId, onlyGoalId ?? null],
    );
    const ids = goals.map((goal) => goal['id']);
    const [steps, progress]: Record<string, unknown>[][] = await Promise.all([
      queryable(this.db).query(
        `SELECT id, goal_id AS "goalId", position, description, done_at AS "doneAt", version
           FROM goal_steps WHERE goal_id = ANY($1::uuid[]) ORDER BY goal_id, position, id`,
        [ids],
      ),
      queryable(this.db).query(
        `SELECT id, "goalId", "recordedOn", rating, comment, "recordedByName" FROM (
           SELECT e.id, e.goal_id AS "goalId", e.recorded_on::text AS "recordedOn", e.rating, e.comment, u.display_name AS "recordedByName",
                  row_number() OVER (PARTITION BY e.goal_id ORDER BY e.recorded_on DESC, e.created_at DESC) AS n
             FROM goal_progress e LEFT JOIN users u ON u.id = e.recorded_by WHERE e.goal_id = ANY($1::uuid[])) recent
          WHERE n <= ${PROGRESS_PER_GOAL} ORDER BY "goalId", n`,
        [ids],
      ),
    ]);
    const byGoal = <T extends Record<string, unknown>>(rows: T[]) => {
      const grouped = new Map<unknown, Omit<T, 'goalId'>[]>();
      for (const { goalId, ...row } of rows) grouped.set(goalId, [...(grouped.get(goalId) ?? []), row]);
      return grouped;
    };
    const stepsOf = byGoal(steps);
    const progressOf = byGoal(progress);
    return goals.map((goal) => ({ ...goal, steps: stepsOf.get(goal['id']) ?? [], progress: progressOf.get(goal['id']) ?? [] }));
  }
}

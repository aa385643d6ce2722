import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { queryable } from '@waypoint/api-database';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditContext } from '@waypoint/api-audit';
import type { AuthContext } from '@waypoint/api-auth';
import type { DataSource } from 'typeorm';
import type { ParticipantStatus } from '@waypoint/shared-contracts';
import { selectList, viewFor } from '../participants/participant-fields';
import { type AccessRoute, careTeamPredicate, scopePredicate } from './participant-scope';
import { SqlParams } from './sql-params';

export interface ParticipantPage {
  items: Record<string, unknown>[];
  nextCursor: string | null;
}

export interface CaseloadQuery {
  limit: number;
  cursor?: string;
  status?: ParticipantStatus;
  /** Only participants with the high-risk flag. */
  risk?: 'high';
  /** Only participants with a follow-up task past its due date. */
  followUp?: 'overdue';
  /** A name (any part, from its start) or a date of birth (YYYY-MM-DD or MM/DD/YYYY). */
  search?: string;
}

interface NameCursor {
  lastName: string;
  firstName: string;
  id: string;
}

/**
 * The one place participant rows are read. Every method takes the caller and builds its SQL
 * with the caller's scope predicate, so there is no way to ask for a participant "in general":
 * what is out of scope is indistinguishable from what does not exist (404). Every participant
 * it returns is named to the audit trail (`AuditContext.touch`), which refuses outside an
 * `@Audited` route: reading participant data without an audit declaration cannot happen.
 */
@Injectable()
export class ParticipantsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The caller's care-team participants, by name, one keyset page at a time: the caseload. Each
   * row carries what a specialist scans for (next follow-up, open goals, latest BARC-10), each
   * from a LATERAL subquery on an index, so a page is one statement however long it is.
   */
  async list(auth: AuthContext, page: CaseloadQuery): Promise<ParticipantPage> {
    const after = page.cursor === undefined ? undefined : decodeCursor(page.cursor);
    const params = new SqlParams();
    const where = [careTeamPredicate(auth, params, 'p')];
    if (page.status) where.push(`p.status = ${params.add(page.status)}`);
    if (page.risk === 'high') where.push('p.high_risk');
    if (page.followUp === 'overdue') where.push('f.next_follow_up < current_date');
    if (page.search) where.push(searchPredicate(page.search, params));
    if (after) {
      where.push(
        `(p.legal_last_name, p.legal_first_name, p.id) > (${params.add(after.lastName)}, ${params.add(after.firstName)}, ${params.add(after.id)}::uuid)`,
      );
    }
    const rows: Record<string, unknown>[] = await queryable(this.db).query(
      `SELECT ${selectList('summary')}, f.next_follow_up::text AS "nextFollowUp", g.open_goals AS "openGoals",
              b.total AS "latestBarc", b.taken_on::text AS "latestBarcOn"
         FROM participants p
         LEFT JOIN LATERAL (SELECT min(t.due_on) AS next_follow_up FROM tasks t
                             WHERE t.program_id = p.program_id AND t.participant_id = p.id AND t.done_at IS NULL) f ON true
         LEFT JOIN LATERAL (SELECT count(*)::int AS open_goals FROM goals g
                             WHERE g.program_id = p.program_id AND g.participant_id = p.id AND g.status = 'active') g ON true
         LEFT JOIN LATERAL (SELECT a.total, a.taken_on FROM assessments a
                             WHERE a.program_id = p.program_id AND a.participant_id = p.id
                             ORDER BY a.taken_on DESC, a.created_at DESC LIMIT 1) b ON true
        WHERE ${where.join(' AND ')}
        ORDER BY p.legal_last_name, p.legal_first_name, p.id
        LIMIT ${params.add(page.limit + 1)}`,
      params.values,
    );
    const items = rows.slice(0, page.limit);
    AuditContext.touch(items.map((item) => String(item['id'])));
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > page.limit && last ? encodeCursor(last) : null };
  }

  /** One participant the caller reaches by `route`, in the view their role gets; else 404. */
  async get(auth: AuthContext, id: string, route: AccessRoute): Promise<Record<string, unknown>> {
    const params = new SqlParams();
    const idParam = params.add(id);
    const [row] = await queryable(this.db).query(
      `SELECT ${selectList(viewFor(auth.role, route))} FROM participants p
        WHERE p.id = ${idParam} AND ${scopePredicate(route, auth, params, 'p')}`,
      params.values,
    );
    if (!row) throw notFound();
    AuditContext.touch([id]);
    return row;
  }

  /**
   * For what hangs off a participant (notes, plans, referrals): proceed only when the caller
   * reaches the participant, else the same 404 as a participant that does not exist.
   */
  async requireInScope(auth: AuthContext, id: string, route: AccessRoute = 'care-team'): Promise<void> {
    const params = new SqlParams();
    const idParam = params.add(id);
    const rows = await queryable(this.db).query(
      `SELECT 1 FROM participants p WHERE p.id = ${idParam} AND ${scopePredicate(route, auth, params, 'p')}`,
      params.values,
    );
    if (rows.length === 0) throw notFound();
    AuditContext.touch([id]);
  }

  /**
   * Break-glass only: find a participant of the caller's program *outside* their scope, by id
   * or by last name and date of birth (what someone at the door can tell you). The caller learns
   * only an id, and only inside the command that records their emergency access.
   */
  async identifyForEmergency(
    auth: AuthContext,
    who: { participantId?: string; lastName?: string; firstName?: string; dateOfBirth?: string },
  ): Promise<{ id: string; inCareTeamScope: boolean }[]> {
    const params = new SqlParams();
    const program = params.add(auth.programId);
    const match = who.participantId
      ? `p.id = ${params.add(who.participantId)}`
      : `lower(p.legal_last_name) = lower(${params.add(who.lastName)}::text) AND p.date_of_birth = ${params.add(who.dateOfBirth)}::date
         AND (${params.add(who.firstName ?? null)}::text IS NULL OR lower(p.legal_first_name) = lower(${params.add(who.firstName ?? null)}::text))`;
    return queryable(this.db).query(
      `SELECT p.id, ${careTeamPredicate(auth, params, 'p')} AS "inCareTeamScope"
         FROM participants p WHERE p.program_id = ${program} AND ${match} LIMIT 5`,
      params.values,
    );
  }
}

/** Name parts start with the words typed; a date searches the date of birth instead. */
function searchPredicate(search: string, params: SqlParams): string {
  const born = dateOfBirthIn(search.trim());
  if (born) return `p.date_of_birth = ${params.add(born)}::date`;
  const words = search.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 4);
  return words
    .map((word) => {
      // LIKE's own wildcards in what was typed are matched literally.
      const prefix = params.add(`${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      return `(lower(p.legal_first_name) LIKE ${prefix} OR lower(p.legal_last_name) LIKE ${prefix} OR lower(coalesce(p.preferred_name, '')) LIKE ${prefix})`;
    })
    .join(' AND ');
}

/** YYYY-MM-DD or MM/DD/YYYY as a calendar date; an impossible date is a 400, not a silent miss. */
function dateOfBirthIn(search: string): string | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(search);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(search);
  const parts = iso ? [iso[1], iso[2], iso[3]] : us ? [us[3], us[1], us[2]] : null;
  if (!parts) return null;
  const [year, month, day] = parts.map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new BadRequestException('That date of birth is not a calendar date.');
  }
  return date.toISOString().slice(0, 10);
}

function notFound(): NotFoundException {
  return new NotFoundException('No such participant.');
}

function encodeCursor(row: Record<string, unknown>): string {
  const cursor: NameCursor = { lastName: String(row['legalLastName']), firstName: String(row['legalFirstName']), id: String(row['id']) };
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): NameCursor {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<NameCursor>;
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    if (typeof value.lastName === 'string' && typeof value.firstName === 'string' && typeof value.id === 'string' && uuid.test(value.id)) {
      return { lastName: value.lastName, firstName: value.firstName, id: value.id };
    }
  } catch {
    // fall through: any malformed cursor gets the same answer
  }
  throw new BadRequestException('The cursor is not valid; start from the first page.');
}

import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@waypoint/api-config';
import { preparedQuery, queryable } from '@waypoint/api-database';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditContext } from '@waypoint/api-audit';
import type { AuthContext } from '@waypoint/api-auth';
import type { DataSource } from 'typeorm';
import { selectList, viewFor } from '../participants/participant-fields';
import { type CaseloadQuery, caseloadCursorAfter, caseloadStatement } from './caseload-listing';
import { withoutCursorColumn } from './cursor-values';
import { type AccessRoute, careTeamPredicate, scopePredicate } from './participant-scope';
import { SqlParams } from './sql-params';

export interface ParticipantPage {
  items: Record<string, unknown>[];
  nextCursor: string | null;
  /** The threshold the rows' `contactOverdue` was computed with, so the dashboard can say it. */
  contactOverdueDays: number;
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
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'caseload'>,
  ) {}

  /**
   * The caller's care-team participants, one keyset page at a time: the caseload. The statement
   * (filters, sorts, the columns a specialist scans for) is in caseload-listing.ts.
   */
  async list(auth: AuthContext, page: CaseloadQuery): Promise<ParticipantPage> {
    const params = new SqlParams();
    const { contactOverdueDays } = this.config.caseload;
    const rows = await preparedQuery(this.db, caseloadStatement(auth, page, params, contactOverdueDays), params.values);
    const pageRows = rows.slice(0, page.limit);
    AuditContext.touch(pageRows.map((row) => String(row['id'])));
    const last = pageRows[pageRows.length - 1];
    const nextCursor = rows.length > page.limit && last ? caseloadCursorAfter(last, page.sort) : null;
    // The sort key only builds the cursor; the client gets the row without it.
    const items = withoutCursorColumn(pageRows, 'sortKey');
    return { items, nextCursor, contactOverdueDays };
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
   * Display names of those of `ids` the caller reaches in their care team today, in one query,
   * for pages that mention participants by id (the audit report). The rest get no name: the
   * page shows a neutral label instead. A name shown is a read of who the participant is, so
   * each one is named to the trail like any other read (`touch`).
   */
  async displayNamesInScope(auth: AuthContext, ids: Iterable<string | null>): Promise<Map<string, string>> {
    const unique = [...new Set([...ids].filter((id): id is string => id !== null))];
    const params = new SqlParams();
    const scope = careTeamPredicate(auth, params, 'p');
    // Admins (and clinicians, until referrals) have no care-team scope: nothing to ask.
    if (unique.length === 0 || scope === 'false') return new Map();
    const rows: { id: string; name: string }[] = await queryable(this.db).query(
      `SELECT p.id, coalesce(p.preferred_name, p.legal_first_name) || ' ' || p.legal_last_name AS name
         FROM participants p WHERE p.id = ANY(${params.add(unique)}::uuid[]) AND ${scope}`,
      params.values,
    );
    AuditContext.touch(rows.map((row) => row.id));
    return new Map(rows.map((row) => [row.id, row.name]));
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

function notFound(): NotFoundException {
  return new NotFoundException('No such participant.');
}

import { isDeepStrictEqual } from 'node:util';
import type { AuthContext } from '@waypoint/api-auth';
import { AuditContext } from '@waypoint/api-audit';
import { careTeamPredicate, ParticipantsRepository, SqlParams } from '@waypoint/api-participants';
// Not exported by the lib, but the bench must select exactly the columns the list endpoint does.
import { selectList } from '../../../libs/api/participants/src/lib/participants/participant-fields';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';

export interface Query {
  text: string;
  values: unknown[];
}

/** Where a keyset page starts: the sort key of the last row of the page before. */
export interface NameKey {
  lastName: string;
  firstName: string;
  id: string;
}

/** Adds an access predicate on participants `p` to `params` and returns its SQL. */
export type Scope = (params: SqlParams) => string;

/** The caller's everyday scope, from the same function the API uses. */
export const careTeamScope =
  (auth: AuthContext): Scope =>
  (params) =>
    careTeamPredicate(auth, params, 'p');

/** The baseline: the program boundary alone, as if everyone in the program were in scope. */
export const programOnly =
  (programId: string): Scope =>
  (params) =>
    `p.program_id = ${params.add(programId)}`;

/**
 * The statement ParticipantsRepository.list() sends, with `scope` as the access predicate.
 * `verifyAgainstRepository` proves that with the care-team scope it is the repository's
 * statement, so the baseline differs from what the API runs in the predicate alone.
 */
export function listQuery(scope: Scope, page: { limit: number; after?: NameKey }): Query {
  const params = new SqlParams();
  const where = [scope(params)];
  if (page.after) {
    const { lastName, firstName, id } = page.after;
    where.push(`(p.legal_last_name, p.legal_first_name, p.id) > (${params.add(lastName)}, ${params.add(firstName)}, ${params.add(id)}::uuid)`);
  }
  const text = `SELECT ${selectList('summary')} FROM participants p
    WHERE ${where.join(' AND ')}
    ORDER BY p.legal_last_name, p.legal_first_name, p.id
    LIMIT ${params.add(page.limit + 1)}`;
  return { text, values: params.values };
}

/** The sort key of a row from a list query. */
export function nameKey(row: Record<string, unknown> | undefined): NameKey {
  if (!row) throw new Error('the scope has fewer rows than the page the bench reads');
  return { lastName: String(row['legalLastName']), firstName: String(row['legalFirstName']), id: String(row['id']) };
}

/**
 * Pages through the caller's list with the real repository (its own cursors) and throws
 * unless `listQuery(careTeamScope(auth))` is, up to white space, the statement it sent for
 * the first page and for the page after `skip` rows. Returns that page's starting key.
 */
export async function verifyAgainstRepository(pool: Pool, auth: AuthContext, limit: number, skip: number): Promise<NameKey> {
  let sent: Query | undefined;
  const recordingPool = {
    query: async (text: string, values: unknown[]) => {
      sent = { text, values };
      return (await pool.query(text, values)).rows;
    },
  };
  const repository = new ParticipantsRepository(recordingPool as unknown as DataSource, { caseload: { contactOverdueDays: 14 } });
  const expectSame = (ours: Query, what: string) => {
    const flat = (query: Query | undefined) => query && { text: query.text.replace(/\s+/g, ' ').trim(), values: query.values };
    const [theirs, mine] = [JSON.stringify(flat(sent)), JSON.stringify(flat(ours))];
    if (!isDeepStrictEqual(flat(sent), flat(ours))) {
      let at = 0;
      while (theirs[at] === mine[at]) at++;
      const from = Math.max(0, at - 60);
      throw new Error(
        `The bench's ${what} query no longer matches ParticipantsRepository.list(); update tools/bench/lib/list-query.ts.\n` +
          `They differ at character ${at}:\n  repository: …${theirs.slice(from, at + 60)}\n  bench:      …${mine.slice(from, at + 60)}`,
      );
    }
  };

  // The repository names what it reads to the audit trail, which needs an audited request.
  const audited = <T>(work: () => Promise<T>) => AuditContext.run({ touched: new Set<string>() }, work);
  await audited(() => repository.list(auth, { limit }));
  expectSame(listQuery(careTeamScope(auth), { limit }), `${auth.role} first-page`);
  const head = await audited(() => repository.list(auth, { limit: skip }));
  const cursor = head.nextCursor;
  if (!cursor) throw new Error(`the ${auth.role}'s scope has no more than ${skip} participants`);
  const after = nameKey(head.items[skip - 1]);
  await audited(() => repository.list(auth, { limit, cursor }));
  expectSame(listQuery(careTeamScope(auth), { limit, after }), `${auth.role} later-page`);
  return after;
}

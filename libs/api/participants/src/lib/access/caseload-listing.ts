import { BadRequestException } from '@nestjs/common';
import type { AuthContext } from '@waypoint/api-auth';
import { programDayOfSql, programTodaySql } from '@waypoint/api-database';
import { foldAccents, type ParticipantStatus } from '@waypoint/shared-contracts';
import { selectList } from '../participants/participant-fields';
import { isCalendarDate, UUID_PATTERN } from './cursor-values';
import { careTeamPredicate } from './participant-scope';
import type { SqlParams } from './sql-params';

export const CaseloadSorts = ['name', 'lastContact', 'nextFollowUp'] as const;
export type CaseloadSort = (typeof CaseloadSorts)[number];

export interface CaseloadQuery {
  limit: number;
  cursor?: string;
  /** Name (default); longest without contact first; soonest open follow-up first. */
  sort?: CaseloadSort;
  status?: ParticipantStatus;
  /** Only participants with the high-risk flag. */
  risk?: 'high';
  /** Only participants with a follow-up task past its due date. */
  followUp?: 'overdue';
  /** Only participants without a recorded contact for more than the threshold. */
  contact?: 'overdue';
  /** A name (any part, from its start) or a date of birth (YYYY-MM-DD or MM/DD/YYYY). */
  search?: string;
}

/**
 * Each sort leads with its own key and ends with the name and id, so the order is total and a
 * keyset cursor can resume it. Missing values sort where a specialist wants them: never
 * contacted first, no follow-up last.
 */
const SORT_KEYS: Record<CaseloadSort, string | null> = {
  name: null,
  lastContact: `coalesce(c.last_contact, '-infinity'::date)`,
  nextFollowUp: `coalesce(f.due_on, 'infinity'::date)`,
};

interface CaseloadCursor {
  sort: CaseloadSort;
  /** The sort key of the last row, as text (absent for the name sort). */
  key?: string;
  lastName: string;
  firstName: string;
  id: string;
}

/**
 * The caseload page as one statement. What a specialist scans for comes from LATERAL subqueries
 * on indexes, so a page costs the same however many rows it has:
 * - `f`: the earliest open follow-up task (the card can mark it done);
 * - `g`: the count of active goals;
 * - `b`: the latest BARC-10;
 * - `c`: the last recorded contact, the latest of session notes (not attempted contacts), goal
 *   progress, BARC-10 and safety events. A participant with none counts from intake, so a new
 *   referral is not "overdue" on day one.
 */
export function caseloadStatement(auth: AuthContext, page: CaseloadQuery, params: SqlParams, contactOverdueDays: number): string {
  const sort = page.sort ?? 'name';
  const after = page.cursor === undefined ? undefined : decodeCaseloadCursor(page.cursor, sort);
  // Days are the program's (see program-clock.ts): today, the day of intake, the day of a note.
  const program = `${params.add(auth.programId)}::uuid`;
  const today = programTodaySql(program);
  const overdueBefore = `${today} - ${params.add(contactOverdueDays)}::int`;
  const since = `coalesce(c.last_contact, ${programDayOfSql('p.created_at', program)})`;
  const where = [careTeamPredicate(auth, params, 'p')];
  if (page.status) where.push(`p.status = ${params.add(page.status)}`);
  if (page.risk === 'high') where.push('p.high_risk');
  if (page.followUp === 'overdue') where.push(`f.due_on < ${today}`);
  if (page.contact === 'overdue') where.push(`${since} < ${overdueBefore}`);
  if (page.search) where.push(searchPredicate(page.search, params));
  const sortKey = SORT_KEYS[sort];
  const orderColumns = [...(sortKey ? [sortKey] : []), 'p.legal_last_name', 'p.legal_first_name', 'p.id'];
  if (after) {
    const values = [
      ...(sortKey ? [`${params.add(after.key)}::date`] : []),
      params.add(after.lastName),
      params.add(after.firstName),
      `${params.add(after.id)}::uuid`,
    ];
    where.push(`(${orderColumns.join(', ')}) > (${values.join(', ')})`);
  }
  return `SELECT ${selectList('summary')},
              f.due_on::text AS "nextFollowUp",
              CASE WHEN f.id IS NULL THEN NULL
                   ELSE json_build_object('id', f.id, 'title', f.title, 'dueOn', f.due_on::text, 'version', f.version) END AS "nextTask",
              g.open_goals AS "openGoals", b.total AS "latestBarc", b.taken_on::text AS "latestBarcOn",
              c.last_contact::text AS "lastContactOn", ${today} - c.last_contact AS "daysSinceContact",
              ${since} < ${overdueBefore} AS "contactOverdue",
              ${sortKey ?? 'NULL'}::text AS "sortKey"
         FROM participants p
         LEFT JOIN LATERAL (SELECT t.id, t.title, t.due_on, t.version FROM tasks t
                             WHERE t.program_id = p.program_id AND t.participant_id = p.id AND t.done_at IS NULL
                             ORDER BY t.due_on, t.id LIMIT 1) f ON true
         LEFT JOIN LATERAL (SELECT count(*)::int AS open_goals FROM goals g
                             WHERE g.program_id = p.program_id AND g.participant_id = p.id AND g.status = 'active') g ON true
         LEFT JOIN LATERAL (SELECT a.total, a.taken_on FROM assessments a
                             WHERE a.program_id = p.program_id AND a.participant_id = p.id
                             ORDER BY a.taken_on DESC, a.created_at DESC LIMIT 1) b ON true
         LEFT JOIN LATERAL (SELECT greatest(
                               (SELECT max(gp.recorded_on) FROM goals pg JOIN goal_progress gp ON gp.goal_id = pg.id
                                 WHERE pg.program_id = p.program_id AND pg.participant_id = p.id),
                               (SELECT max(a.taken_on) FROM assessments a WHERE a.program_id = p.program_id AND a.participant_id = p.id),
                               (SELECT max(s.occurred_on) FROM safety_events s WHERE s.program_id = p.program_id AND s.participant_id = p.id),
                               (SELECT ${programDayOfSql('max(n.started_at)', program)} FROM session_notes n
                                 WHERE n.program_id = p.program_id AND n.participant_id = p.id AND n.contact_type <> 'attempted')
                             ) AS last_contact) c ON true
        WHERE ${where.join(' AND ')}
        ORDER BY ${orderColumns.join(', ')}
        LIMIT ${params.add(page.limit + 1)}`;
}

/** The cursor after `row` (a row of `caseloadStatement`), for the same sort. */
export function caseloadCursorAfter(row: Record<string, unknown>, sort: CaseloadSort = 'name'): string {
  const cursor: CaseloadCursor = {
    sort,
    ...(SORT_KEYS[sort] ? { key: String(row['sortKey']) } : {}),
    lastName: String(row['legalLastName']),
    firstName: String(row['legalFirstName']),
    id: String(row['id']),
  };
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

/** A sort key is a date, or the sentinels the coalesce above puts in for "none". */
const isSortKey = (key: unknown): boolean => key === 'infinity' || key === '-infinity' || isCalendarDate(key);

function decodeCaseloadCursor(cursor: string, sort: CaseloadSort): CaseloadCursor {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CaseloadCursor>;
    // Cursors from before sorting existed carry no sort: they were name cursors.
    const cursorSort = value.sort ?? 'name';
    const keyOk = SORT_KEYS[sort] ? isSortKey(value.key) : value.key === undefined;
    if (
      cursorSort === sort &&
      keyOk &&
      typeof value.lastName === 'string' &&
      typeof value.firstName === 'string' &&
      typeof value.id === 'string' &&
      UUID_PATTERN.test(value.id)
    ) {
      return { sort, key: value.key, lastName: value.lastName, firstName: value.firstName, id: value.id };
    }
  } catch {
    // fall through: any malformed cursor gets the same answer
  }
  throw new BadRequestException('The cursor is not valid for this sort; start from the first page.');
}

/**
 * The accented letters of names written in Latin script, and their plain lower-case forms, for
 * SQL's translate(): the same folding as foldAccents, without the `unaccent` extension (which
 * an external PostgreSQL may not let the app install). Capitals are listed too, because lower()
 * leaves them as they are in a database whose character type is "C". Each folds to one letter.
 */
const ACCENTED_LOWER = 'àáâãäåāăąçćĉċčďèéêëēĕėęěĝğġģĥìíîïĩīĭįĵķĺļľńņňñòóôõöōŏőŕŗřśŝşšţťùúûüũūŭůűųŵýÿŷźżž';
const ACCENTED = ACCENTED_LOWER + ACCENTED_LOWER.toUpperCase();
const PLAIN = [...ACCENTED].map(foldAccents).join('');
const folded = (column: string) => `translate(lower(${column}), '${ACCENTED}', '${PLAIN}')`;
/** The names a search word may start: legal first, legal last and preferred, each folded. */
const FOLDED_NAMES = ['p.legal_first_name', 'p.legal_last_name', "coalesce(p.preferred_name, '')"].map(folded);

/** Name parts start with the words typed, accents or not; a date searches the date of birth instead. */
function searchPredicate(search: string, params: SqlParams): string {
  const born = dateOfBirthIn(search.trim());
  if (born) return `p.date_of_birth = ${params.add(born)}::date`;
  const words = foldAccents(search).split(/\s+/).filter(Boolean).slice(0, 4);
  return words
    .map((word) => {
      // LIKE's own wildcards in what was typed are matched literally.
      const prefix = params.add(`${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      return `(${FOLDED_NAMES.map((name) => `${name} LIKE ${prefix}`).join(' OR ')})`;
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

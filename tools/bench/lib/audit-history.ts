import { createHash } from 'node:crypto';
import type { Client } from 'pg';
import type { ProgramShape } from './caseload-data';

/** What the bulk seed wrote, for the report and for the measurements that follow. */
export interface SeededHistory {
  rows: number;
  firstId: number;
  lastId: number;
  from: Date;
  to: Date;
  partitionsCreated: number;
  seconds: { partitions: number; rows: number; indexes: number; vacuum: number };
}

/**
 * The mix of a year of use, per thousand events. Actions are the ones the API records today;
 * `participant` rows name a participant (a list page writes one row per participant on it,
 * which is why lists dominate), `resourceId` is what the interceptor would put there.
 */
const ACTIONS: { action: string; perMille: number; resourceType: string | null; participant: boolean; resourceId: 'participant' | 'other' | null; denied: number; reason?: string }[] = [
  { action: 'participant.list', perMille: 430, resourceType: 'participant', participant: true, resourceId: null, denied: 0.002 },
  { action: 'participant.read', perMille: 300, resourceType: 'participant', participant: true, resourceId: 'participant', denied: 0.01 },
  { action: 'participant.access-history', perMille: 20, resourceType: 'participant', participant: true, resourceId: 'participant', denied: 0.01 },
  { action: 'participant.break-glass-read', perMille: 2, resourceType: 'participant', participant: true, resourceId: 'participant', denied: 0.05, reason: 'Participant called in crisis after hours; care team unreachable' },
  { action: 'break-glass.grant', perMille: 1, resourceType: 'break_glass_grant', participant: true, resourceId: 'other', denied: 0.05, reason: 'Participant called in crisis after hours; care team unreachable' },
  { action: 'access.denied', perMille: 10, resourceType: null, participant: false, resourceId: null, denied: 1 },
  { action: 'auth.sign-in', perMille: 120, resourceType: 'session', participant: false, resourceId: 'other', denied: 0.06 },
  { action: 'auth.mfa', perMille: 60, resourceType: 'session', participant: false, resourceId: 'other', denied: 0.03 },
  { action: 'auth.sign-out', perMille: 32, resourceType: 'session', participant: false, resourceId: 'other', denied: 0 },
  { action: 'auth.password', perMille: 2, resourceType: 'user', participant: false, resourceId: 'other', denied: 0.1 },
  { action: 'auth.lockout', perMille: 1, resourceType: 'user', participant: false, resourceId: 'other', denied: 1 },
  { action: 'user.list', perMille: 5, resourceType: 'user', participant: false, resourceId: null, denied: 0.01 },
  { action: 'user.read', perMille: 5, resourceType: 'user', participant: false, resourceId: 'other', denied: 0.01 },
  { action: 'user.update', perMille: 1, resourceType: 'user', participant: false, resourceId: 'other', denied: 0.01 },
  { action: 'audit.search', perMille: 4, resourceType: 'audit_event', participant: false, resourceId: null, denied: 0.01 },
  { action: 'audit.search-team', perMille: 3, resourceType: 'audit_event', participant: false, resourceId: null, denied: 0.01 },
  { action: 'audit.export', perMille: 1, resourceType: 'audit_event', participant: false, resourceId: null, denied: 0.01 },
  { action: 'api-token.list', perMille: 1, resourceType: 'api_token', participant: false, resourceId: null, denied: 0 },
  { action: 'break-glass.review', perMille: 1, resourceType: 'break_glass_grant', participant: false, resourceId: 'other', denied: 0 },
  { action: 'break-glass.list-active', perMille: 1, resourceType: 'break_glass_grant', participant: false, resourceId: null, denied: 0 },
];

const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
];

/** Every seeded row carries this instead of its chain hash: same size, no meaning. */
export const PLACEHOLDER_HASH = createHash('sha256').update('waypoint bench: seeded row, not chained').digest();

/** Share of participant events that fall on the busy 1% of participants (daily contact, crises). */
const BUSY_SHARE = 0.2;
/** Busy participants are numbers 1 + 97k: spread over every caseload, not one specialist's. */
const BUSY_STRIDE = 97;

/** A participant number that is busy in the seeded history (for the report's choice of subjects). */
export function isBusyParticipant(n: number, participants: number): boolean {
  return (n - 1) % BUSY_STRIDE === 0 && (n - 1) / BUSY_STRIDE < participants / 100;
}

/**
 * `rows` audit events spread evenly in time from the first day of the month `months - 1`
 * months ago until a few minutes ago, ids gapless in time order after the chain head: one in
 * five for `neighbour`, the rest for `measured`. Names only the participants and users
 * `seedProgram` made for the same shapes, so the report's join to users finds its names.
 *
 * Bulk, not through the chain trigger: with session_replication_role = replica the trigger
 * does not fire, so ids are assigned here and every hash is PLACEHOLDER_HASH; the chain head
 * and a checkpoint are then moved past the seeded rows, so rows written afterwards chain
 * normally (and can be verified from that checkpoint). The four indexes are dropped for the
 * load and rebuilt from their own definitions, as a bulk load into a fresh table would.
 */
export async function seedAuditHistory(
  owners: Client[],
  shapes: { measured: ProgramShape; neighbour: ProgramShape },
  options: { rows: number; months: number; progress: (line: string) => void },
): Promise<SeededHistory> {
  const [owner] = owners;
  if (!owner) throw new Error('seedAuditHistory needs at least one owner connection');
  const now = new Date();
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (options.months - 1), 1));
  const to = new Date(now.getTime() - 5 * 60_000);
  const clock = stopwatch();

  const partitionsCreated = await createPastPartitions(owner, options.months);
  const partitionSeconds = clock.lap();

  const [head] = (await owner.query(`SELECT last_id::int AS "lastId" FROM audit_chain_head`)).rows;
  const existing = (await owner.query(`SELECT count(*)::int AS n FROM audit_events`)).rows[0].n;
  if (head.lastId !== 0 || existing !== 0) throw new Error(`expected an empty trail before seeding, found ${existing} rows (head ${head.lastId})`);

  const indexes: { name: string; definition: string }[] = (
    await owner.query(`SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'audit_events' ORDER BY indexname`)
  ).rows;
  for (const index of indexes) await owner.query(`DROP INDEX ${index.name}`);

  // One statement per month, taken in turn by each owner connection: two cores, two loaders.
  const stepMicros = ((to.getTime() - from.getTime()) * 1000) / options.rows;
  const chunks = monthStarts(from, to).map((start, i, all) => {
    const end = all[i + 1] ?? to;
    const lo = Math.max(0, Math.ceil(((start.getTime() - from.getTime()) * 1000) / stepMicros));
    const hi = Math.min(options.rows, Math.ceil(((end.getTime() - from.getTime()) * 1000) / stepMicros)) - 1;
    return { label: start.toISOString().slice(0, 7), lo, hi };
  });
  const programs = await owner.query(`SELECT slug, id FROM programs WHERE slug = ANY($1)`, [[shapes.measured.slug, shapes.neighbour.slug]]);
  const programId = (slug: string) => programs.rows.find((row) => row.slug === slug)?.id as string;
  const params = (chunk: { lo: number; hi: number }) => [
    chunk.lo,
    chunk.hi,
    from.toISOString(),
    stepMicros,
    actionSlots(),
    ACTIONS.map((a) => a.action),
    ACTIONS.map((a) => a.resourceType),
    ACTIONS.map((a) => a.participant),
    ACTIONS.map((a) => a.resourceId),
    ACTIONS.map((a) => a.denied),
    ACTIONS.map((a) => a.reason ?? null),
    USER_AGENTS,
    PLACEHOLDER_HASH,
    programId(shapes.measured.slug),
    programId(shapes.neighbour.slug),
  ];
  const queue = [...chunks];
  let inserted = 0;
  await Promise.all(
    owners.map(async (client) => {
      await client.query(`SET session_replication_role = replica`);
      try {
        for (let chunk = queue.shift(); chunk; chunk = queue.shift()) {
          const started = performance.now();
          const { rowCount } = await client.query(insertStatement(shapes), params(chunk));
          inserted += rowCount ?? 0;
          options.progress(`${chunk.label}: ${(chunk.hi - chunk.lo + 1).toLocaleString('en-US')} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
        }
      } finally {
        await client.query(`RESET session_replication_role`);
      }
    }),
  );
  if (inserted !== options.rows) throw new Error(`the seed inserted ${inserted} rows, not ${options.rows}`);
  const rowSeconds = clock.lap();

  await owner.query(`SET maintenance_work_mem = '512MB'`);
  for (const index of indexes) {
    const started = performance.now();
    await owner.query(index.definition.replace(' ON ONLY ', ' ON '));
    options.progress(`index ${index.name} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  await owner.query(`RESET maintenance_work_mem`);
  const rebuilt = (await owner.query(`SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'audit_events' ORDER BY indexname`)).rows;
  if (JSON.stringify(rebuilt) !== JSON.stringify(indexes)) throw new Error(`the rebuilt indexes differ from the migration's: ${JSON.stringify(rebuilt)}`);
  const indexSeconds = clock.lap();

  await owner.query(`UPDATE audit_chain_head SET last_id = $1, hash = $2`, [options.rows, PLACEHOLDER_HASH]);
  await owner.query(`INSERT INTO audit_checkpoints (verified_through, head_hash, row_count) VALUES ($1, $2, 0)`, [options.rows, PLACEHOLDER_HASH]);
  // As autovacuum leaves months nobody writes to any more: statistics, visibility map, hint bits.
  await owner.query(`VACUUM (ANALYZE) audit_events`);
  const vacuumSeconds = clock.lap();

  return {
    rows: options.rows,
    firstId: 1,
    lastId: options.rows,
    from,
    to,
    partitionsCreated,
    seconds: { partitions: partitionSeconds, rows: rowSeconds, indexes: indexSeconds, vacuum: vacuumSeconds },
  };
}

/** The months the migration did not make, made the way its DO block makes last month's. */
async function createPastPartitions(owner: Client, months: number): Promise<number> {
  const { rows } = await owner.query(
    `SELECT to_char(m, 'YYYY_MM') AS suffix, m::timestamp AT TIME ZONE 'UTC' AS lower, (m + interval '1 month')::timestamp AT TIME ZONE 'UTC' AS upper
       FROM generate_series(date_trunc('month', now() AT TIME ZONE 'UTC') - make_interval(months => $1 - 1),
                            date_trunc('month', now() AT TIME ZONE 'UTC'), interval '1 month') m
      WHERE to_regclass('audit_events_' || to_char(m, 'YYYY_MM')) IS NULL`,
    [months],
  );
  for (const month of rows) {
    const name = `audit_events_${month.suffix}`;
    // Safe to interpolate: the name and bounds come from to_char and timestamps above, not from input.
    await owner.query(`CREATE TABLE ${name} PARTITION OF audit_events FOR VALUES FROM ('${month.lower.toISOString()}') TO ('${month.upper.toISOString()}')`);
    await owner.query(`CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON ${name} FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change()`);
  }
  return rows.length;
}

function monthStarts(from: Date, to: Date): Date[] {
  const starts: Date[] = [];
  for (let month = from; month < to; month = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1))) starts.push(month);
  return starts;
}

/** A thousand slots, each the (1-based) index of an action, as many slots as its share. */
function actionSlots(): number[] {
  const slots = ACTIONS.flatMap((a, i) => Array.from({ length: a.perMille }, () => i + 1));
  if (slots.length !== 1000) throw new Error(`the action mix adds up to ${slots.length} per mille`);
  return slots;
}

/**
 * Rows lo..hi. The innermost select draws every random number once per row (PostgreSQL does
 * not flatten a subquery with volatile outputs, so each is drawn once, not per use); the
 * middle one picks program, action, participant and actor; the outer one names them.
 */
function insertStatement(shapes: { measured: ProgramShape; neighbour: ProgramShape }): string {
  const pick = (measured: number, neighbour: number) => `CASE WHEN s.neighbour THEN ${neighbour} ELSE ${measured} END`;
  const { measured: a, neighbour: b } = shapes;
  return `
    INSERT INTO audit_events (id, occurred_at, program_id, actor_id, actor_role, action, resource_type, resource_id,
                              participant_id, outcome, request_id, ip, user_agent, reason, hash)
    SELECT g + 1, $3::timestamptz + (g * $4::float8) * interval '1 microsecond', program_id,
           md5(slug || CASE WHEN supervisor THEN ':supervisor:' ELSE ':specialist:' END || actor_n)::uuid,
           CASE WHEN supervisor THEN 'supervisor' ELSE 'specialist' END,
           ($6::text[])[act], ($7::text[])[act],
           CASE ($9::text[])[act] WHEN 'participant' THEN md5(slug || ':participant:' || participant_n)::uuid::text
                                  WHEN 'other' THEN md5('resource:' || g)::uuid::text END,
           md5(slug || ':participant:' || participant_n)::uuid,
           CASE WHEN r_outcome < ($10::float8[])[act] THEN 'denied' WHEN r_outcome < ($10::float8[])[act] + 0.003 THEN 'error' ELSE 'success' END,
           md5('request:' || g)::uuid::text,
           '10.' || (1 + floor(r_net * 30)::int) || '.' || (g % 200 + 1) || '.' || (g % 251 + 1),
           ($12::text[])[1 + floor(r_net * ${USER_AGENTS.length})::int],
           ($11::text[])[act], $13::bytea
      FROM (
        SELECT g, act, r_outcome, r_net,
               CASE WHEN s.neighbour THEN $15::uuid ELSE $14::uuid END AS program_id,
               CASE WHEN s.neighbour THEN '${b.slug}' ELSE '${a.slug}' END AS slug,
               r_role >= 0.9 AS supervisor,
               participant_n,
               CASE WHEN r_role >= 0.9 THEN 1 + floor(r_actor * ${pick(a.teams, b.teams)})::int
                    -- most of a participant's events come from their own specialist
                    WHEN participant_n IS NOT NULL AND r_actor < 0.8 THEN (participant_n - 1) % ${pick(a.teams * a.specialistsPerTeam, b.teams * b.specialistsPerTeam)} + 1
                    ELSE 1 + floor(r_actor * ${pick(a.teams * a.specialistsPerTeam, b.teams * b.specialistsPerTeam)})::int END AS actor_n
          FROM (
            SELECT s.*, CASE WHEN ($8::boolean[])[act] THEN
                          CASE WHEN r_busy < ${BUSY_SHARE} THEN 1 + ${BUSY_STRIDE} * floor(r_who * ${pick(a.participants / 100, b.participants / 100)})::int
                               ELSE 1 + floor(r_who * ${pick(a.participants, b.participants)})::int END
                        END AS participant_n
              FROM (
                SELECT g, g % 5 = 4 AS neighbour, ($5::int[])[1 + floor(random() * 1000)::int] AS act,
                       random() AS r_busy, random() AS r_who, random() AS r_role, random() AS r_actor,
                       random() AS r_outcome, random() AS r_net
                  FROM generate_series($1::bigint, $2::bigint) g
              ) s
          ) s
      ) e`;
}

function stopwatch(): { lap: () => number } {
  let last = performance.now();
  return {
    lap: () => {
      const now = performance.now();
      const seconds = (now - last) / 1000;
      last = now;
      return seconds;
    },
  };
}

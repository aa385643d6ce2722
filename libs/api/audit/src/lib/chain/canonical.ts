import { createHash } from 'node:crypto';

/** The hash the chain starts from (the migration seeds the head with the same). */
export const GENESIS_HASH = createHash('sha256').update('waypoint audit genesis').digest();

/**
 * The fields of a row in chain order, as PostgreSQL renders them as text. The verifier selects
 * exactly these expressions, so the Node side never depends on a stored function.
 */
export const CANONICAL_COLUMNS = `
  id::text, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
  program_id::text, actor_id::text, actor_role, action, resource_type, resource_id,
  participant_id::text, outcome, request_id, ip, user_agent, reason`;

/**
 * Length-prefixed fields joined by '|', NULL as '~': the same bytes `audit_canonical()` makes
 * in the database. Length prefixes make it injective (no value can fake a field boundary).
 */
export function canonicalRow(fields: readonly (string | null)[]): string {
  return fields.map((value) => (value === null ? '~' : `${Buffer.byteLength(value, 'utf8')}:${value}`)).join('|');
}

export function chainHash(previous: Buffer, fields: readonly (string | null)[]): Buffer {
  return createHash('sha256').update(previous).update(canonicalRow(fields), 'utf8').digest();
}

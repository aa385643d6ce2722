import { CANONICAL_COLUMNS, chainHash, GENESIS_HASH } from './canonical';

/** Anything that runs a query and returns rows (a pg Client, a TypeORM DataSource adapter). */
export type RunQuery = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

export interface ChainVerification {
  ok: boolean;
  /** Rows checked in this run. */
  checked: number;
  /** Of those, the rows of `options.programId` (when given): what a program's admin is shown. */
  programChecked?: number;
  /** Where the run started (the last verified id) and the last id it reached. */
  fromId: number;
  throughId: number;
  /** The hash of the last good row, hex. */
  headHash: string;
  /** The first row that does not match, or where a row is missing. */
  firstBrokenId?: number;
  problem?: string;
}

const BATCH = 5000;

/**
 * Walks the chain in id order and recomputes every hash in Node, naming the first row that
 * does not match (altered), or the first id that is missing (deleted). `incremental` starts at
 * the latest checkpoint instead of the oldest row still kept.
 */
export async function verifyChain(run: RunQuery, options: { incremental: boolean; programId?: string }): Promise<ChainVerification> {
  const start = await startingPoint(run, options.incremental);
  if ('problem' in start) return { ok: false, checked: 0, fromId: 0, throughId: 0, headHash: '', problem: start.problem };
  let previousId = start.id;
  let previousHash = start.hash;
  let checked = 0;
  let programChecked = 0;
  const ofProgram = (): Pick<ChainVerification, 'programChecked'> => (options.programId === undefined ? {} : { programChecked });
  for (;;) {
    // Qualified: the output column "id" is text, and ORDER BY id would sort it as text.
    const rows = await run(`SELECT ${CANONICAL_COLUMNS}, hash FROM audit_events e WHERE e.id > $1 ORDER BY e.id LIMIT $2`, [previousId, BATCH]);
    for (const row of rows) {
      const values = Object.values(row);
      const stored = values.pop() as Buffer;
      const fields = values as (string | null)[];
      const id = Number(fields[0]);
      const fail = (problem: string): ChainVerification => ({
        ok: false,
        checked,
        ...ofProgram(),
        fromId: start.id,
        throughId: previousId,
        headHash: previousHash.toString('hex'),
        firstBrokenId: id === previousId + 1 ? id : previousId + 1,
        problem,
      });
      if (id !== previousId + 1) return fail(`rows ${previousId + 1}–${id - 1} are missing`);
      if (!chainHash(previousHash, fields).equals(stored)) return fail(`row ${id} does not match its hash`);
      previousId = id;
      previousHash = stored;
      checked += 1;
      if (fields[2] === options.programId) programChecked += 1; // program_id, third in chain order
    }
    if (rows.length < BATCH) break;
  }
  return { ok: true, checked, ...ofProgram(), fromId: start.id, throughId: previousId, headHash: previousHash.toString('hex') };
}

async function startingPoint(run: RunQuery, incremental: boolean): Promise<{ id: number; hash: Buffer } | { problem: string }> {
  if (incremental) {
    const [latest] = await run(`SELECT verified_through, head_hash FROM audit_checkpoints ORDER BY verified_through DESC LIMIT 1`);
    if (latest) return { id: Number(latest['verified_through']), hash: latest['head_hash'] as Buffer };
  }
  const [{ first }] = (await run(`SELECT min(id) AS first FROM audit_events`)) as { first: string | null }[];
  const firstId = first === null ? 1 : Number(first);
  if (firstId === 1) return { id: 0, hash: GENESIS_HASH };
  // Older months were dropped by retention, which left a checkpoint on the last dropped row.
  const [anchor] = await run(`SELECT head_hash FROM audit_checkpoints WHERE verified_through = $1 LIMIT 1`, [firstId - 1]);
  if (!anchor) return { problem: `rows before ${firstId} are gone and no checkpoint anchors the chain there` };
  return { id: firstId - 1, hash: anchor['head_hash'] as Buffer };
}

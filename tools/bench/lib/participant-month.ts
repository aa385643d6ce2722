import { AuditWriter } from '@waypoint/api-audit';
import type { AuthContext } from '@waypoint/api-auth';
import type { Client, Pool } from 'pg';
import type { DataSource } from 'typeorm';
// Not exported by the lib (its index exports the module only); the bench runs the real class.
import { AuditReportQuery } from '../../../libs/api/audit-report/src/lib/audit-report.query';
import type { Query } from './list-query';
import { Samples } from './measure';
import { planSummary } from './plan-summary';
import { recordingSource } from './recording-source';

/** A calendar month, UTC, as the report's `from` (inclusive) and `to` (exclusive). */
export interface Month {
  from: string;
  to: string;
}

const SUBJECTS_PER_KIND = 20;
const WARM_UP = 10;
const RUNS = 200;
const BLOCKS = 4;

interface Subject {
  label: string;
  /** Runs the operation for the `i`th run (rotating over the participants of its kind). */
  run: (i: number) => Promise<unknown>;
  samples: Samples;
}

/**
 * The budget of docs/security.md, "Audit trail": one participant's month of audit in < 200 ms at
 * 10M rows. Times the report's own query (AuditReportQuery.page with participantId, from, to; first
 * and second page), the whole month through batches() as the CSV export reads it, and plain SQL for
 * the month (count, all rows), for the busiest participants of the month and for typical ones.
 */
export async function measureParticipantMonth(context: { owner: Client; db: DataSource; pool: Pool; admin: AuthContext; month: Month }): Promise<void> {
  const { owner, db, pool, admin, month } = context;
  const counts: { id: string; n: number }[] = (
    await owner.query(
      `SELECT participant_id AS id, count(*)::int AS n FROM audit_events
        WHERE program_id = $1 AND participant_id IS NOT NULL AND occurred_at >= $2 AND occurred_at < $3
        GROUP BY 1 ORDER BY 2 DESC, 1`,
      [admin.programId, month.from, month.to],
    )
  ).rows;
  const busy = counts.slice(0, SUBJECTS_PER_KIND);
  const middle = Math.floor(counts.length / 2);
  const typical = counts.slice(middle - SUBJECTS_PER_KIND / 2, middle + SUBJECTS_PER_KIND / 2);
  const describe = (rows: { n: number }[]) => `${Math.min(...rows.map((r) => r.n))}–${Math.max(...rows.map((r) => r.n))}`;
  console.log(`\n2. One participant's month (${month.from.slice(0, 7)}), budget < 200 ms at 10M rows`);
  console.log(
    `  ${counts.length} participants of the program have events that month; per participant: max ${counts[0]?.n}, ` +
      `median ${counts[middle]?.n}, min ${counts[counts.length - 1]?.n}`,
  );
  console.log(`  subjects: the ${busy.length} busiest (${describe(busy)} events each) and ${typical.length} around the median (${describe(typical)}), taken in turn`);

  const report = new AuditReportQuery(db, new AuditWriter(db));
  const filter = (id: string) => ({ participantId: id, from: month.from, to: month.to });
  const secondPage = new Map<string, string>();
  for (const { id } of busy) {
    const first = await report.page(admin, filter(id), 'program');
    if (first.nextCursor) secondPage.set(id, first.nextCursor);
  }
  const plainWhere = `e.program_id = $1 AND e.participant_id = $2 AND e.occurred_at >= $3 AND e.occurred_at < $4`;
  const plain = (select: string, id: string): Query => ({ text: `SELECT ${select} FROM audit_events e WHERE ${plainWhere}`, values: [admin.programId, id, month.from, month.to] });
  const plainCount = (id: string) => plain('count(*)', id);
  const plainAll = (id: string) => ({ ...plain('e.*', id), text: `${plain('e.*', id).text} ORDER BY e.occurred_at DESC, e.id DESC` });
  const at = <T>(list: T[], i: number) => list[i % list.length] as T;
  const drain = async (id: string) => {
    let rows = 0;
    for await (const batch of report.batches(admin, filter(id))) rows += batch.length;
    return rows;
  };

  const operations: Omit<Subject, 'samples'>[] = [
    { label: 'report page 1 (50 rows), busy', run: (i) => report.page(admin, filter(at(busy, i).id), 'program') },
    { label: 'report page 1 (50 rows), typical', run: (i) => report.page(admin, filter(at(typical, i).id), 'program') },
    {
      label: 'report page 2 (cursor), busy',
      run: (i) => {
        const id = at(busy, i).id;
        return report.page(admin, { ...filter(id), cursor: secondPage.get(id) }, 'program');
      },
    },
    { label: 'whole month via batches(), busy', run: (i) => drain(at(busy, i).id) },
    { label: 'whole month via batches(), typical', run: (i) => drain(at(typical, i).id) },
    { label: 'plain count(*), busy', run: (i) => db.query(plainCount(at(busy, i).id).text, plainCount(at(busy, i).id).values) },
    { label: 'plain all rows, busy', run: (i) => db.query(plainAll(at(busy, i).id).text, plainAll(at(busy, i).id).values) },
  ];
  const subjects: Subject[] = operations.map((operation) => ({ ...operation, samples: new Samples() }));

  for (const subject of subjects) for (let i = 0; i < WARM_UP; i++) await subject.run(i);
  for (let block = 0; block < BLOCKS; block++) {
    for (const subject of subjects) {
      for (let i = 0; i < RUNS / BLOCKS; i++) await subject.samples.time(() => subject.run(block * (RUNS / BLOCKS) + i));
    }
  }
  console.log(`\n  Sequential latency through TypeORM as waypoint_app, ms (n=${RUNS} each in ${BLOCKS} blocks, after ${WARM_UP} warm-up runs)`);
  console.log(`  ${''.padEnd(38)}${'p50'.padStart(8)}${'p95'.padStart(8)}${'max'.padStart(8)}  within 200 ms?`);
  for (const { label, samples } of subjects) {
    const p95 = samples.percentile(95);
    console.log(`  ${label.padEnd(38)}${fixed(samples.percentile(50))}${fixed(p95)}${fixed(samples.percentile(100))}  ${p95 < 200 ? 'yes (p95)' : 'NO (p95)'}`);
  }

  // The statements as the report sends them, captured from the real class.
  const recorded = recordingSource(db);
  const recordingReport = new AuditReportQuery(recorded.source, new AuditWriter(recorded.source));
  const subject = busy[0]?.id ?? '';
  await recordingReport.page(admin, filter(subject), 'program');
  await recordingReport.page(admin, { ...filter(subject), cursor: secondPage.get(subject) }, 'program');
  const [pageOne, pageTwo] = recorded.sent;
  console.log(`\n  Plans for the busiest participant (EXPLAIN (ANALYZE, BUFFERS), one warm execution each, as waypoint_app)`);
  for (const [label, query] of [
    ['report page 1', pageOne],
    ['report page 2', pageTwo],
    ['plain count(*)', plainCount(subject)],
    ['plain all rows', plainAll(subject)],
  ] as const) {
    if (!query) continue;
    const [head, ...tree] = await planSummary(pool, query);
    console.log(`  ${label}: ${head}`);
    for (const line of tree) console.log(`      ${line}`);
  }
}

function fixed(ms: number): string {
  return ms.toFixed(2).padStart(8);
}

import { once } from 'node:events';
import { Writable } from 'node:stream';
import { AuditWriter } from '@waypoint/api-audit';
import type { AuthContext } from '@waypoint/api-auth';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { AuditReportQuery } from '../../../libs/api/audit-report/src/lib/audit-report.query';
import { csvLine } from '../../../libs/api/audit-report/src/lib/csv';
import { Samples } from './measure';
import type { Month } from './participant-month';
import { planSummary } from './plan-summary';
import { recordingSource } from './recording-source';

// The export's columns, in AuditReportController's order (the constant is private to it).
const CSV_COLUMNS = ['id', 'occurredAt', 'actorId', 'actorName', 'actorRole', 'action', 'resourceType', 'resourceId', 'participantId', 'outcome', 'requestId', 'ip', 'userAgent', 'reason'] as const;

/**
 * The CSV export of a whole month of the program, as AuditReportController.exportCsv writes
 * it (batches() of 1000, csvLine per row, one write per batch, waiting on drain), into a sink
 * that discards. Splits the time between fetching batches and formatting them.
 */
export async function measureExport(context: { db: DataSource; pool: Pool; admin: AuthContext; month: Month }): Promise<void> {
  const { db, pool, admin, month } = context;
  const report = new AuditReportQuery(db, new AuditWriter(db));
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done();
    },
  });
  const fetches = new Samples();
  let rows = 0;
  let formatting = 0;
  let midId: string | undefined;
  let firstBatchMs = 0;

  const started = performance.now();
  sink.write(csvLine(CSV_COLUMNS));
  const batches = report.batches(admin, { from: month.from, to: month.to });
  for (;;) {
    let next: IteratorResult<Awaited<ReturnType<AuditReportQuery['page']>>['items']> | undefined;
    await fetches.time(async () => {
      next = await batches.next();
    });
    if (!next || next.done) break;
    const batch = next.value;
    if (rows === 0) firstBatchMs = performance.now() - started;
    const formatStarted = performance.now();
    const chunk = batch.map((row) => csvLine(CSV_COLUMNS.map((column) => row[column]))).join('');
    formatting += performance.now() - formatStarted;
    rows += batch.length;
    if (fetches.count === 300) midId = batch[batch.length - 1]?.id;
    if (!sink.write(chunk)) await once(sink, 'drain');
  }
  sink.end();
  const seconds = (performance.now() - started) / 1000;
  const megabytes = bytes / 1e6;

  console.log(`\n3. CSV export: the whole of ${month.from.slice(0, 7)} for the program, batches() of 1000 + csvLine into a null sink`);
  console.log(`  ${rows.toLocaleString('en-US')} rows, ${megabytes.toFixed(1)} MB of CSV in ${seconds.toFixed(1)} s: ${Math.round(rows / seconds).toLocaleString('en-US')} rows/s, ${(megabytes / seconds).toFixed(1)} MB/s`);
  console.log(
    `  ${fetches.count - 1} batch queries, ms p50 ${fetches.percentile(50).toFixed(1)} / p95 ${fetches.percentile(95).toFixed(1)} / max ${fetches.percentile(100).toFixed(1)}; ` +
      `first batch after ${firstBatchMs.toFixed(0)} ms; formatting CSV ${((formatting / 1000 / seconds) * 100).toFixed(0)}% of the time, the rest waiting on PostgreSQL`,
  );

  if (midId) {
    // The report's cursor: the row's time to the microsecond and its id.
    const [{ at }] = (await pool.query(`SELECT to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at FROM audit_events WHERE id = $1`, [midId])).rows;
    const midCursor = Buffer.from(`${at}|${midId}`).toString('base64url');
    const recorded = recordingSource(db);
    await new AuditReportQuery(recorded.source, new AuditWriter(recorded.source)).page(admin, { from: month.from, to: month.to, limit: 1000, cursor: midCursor }, 'program');
    const [statement] = recorded.sent;
    if (statement) {
      const [head, ...tree] = await planSummary(pool, statement);
      console.log(`  plan of batch 300 (EXPLAIN (ANALYZE, BUFFERS)): ${head}`);
      for (const line of tree) console.log(`      ${line}`);
    }
  }
}

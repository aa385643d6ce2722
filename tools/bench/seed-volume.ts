/**
 * `npm run seed:volume -- --participants 5000 [--notes 500000]`: adds one large synthetic
 * program to the database in DATABASE_URL (the schema owner, as `npm run db:migrate` uses it),
 * for benchmarks: teams of ten specialists with 25 participants each, assignment history, and
 * the care work around them (goals, steps, progress, tasks, BARC-10, a few high-risk flags), and
 * with `--notes N` that many session notes by the participants' specialists over the past two
 * years (lib/notes-volume.ts). One transaction; never touches other programs.
 */
import { Client } from 'pg';
import { seedCareWorkVolume, volumeShape } from './lib/care-work-volume';
import { seedProgram } from './lib/caseload-data';
import { seedNotesVolume } from './lib/notes-volume';

function option(name: string, fallback: number, max: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    console.error(`--${name} must be a whole number from 1 to ${max} (got "${process.argv[index + 1] ?? ''}")`);
    process.exit(2);
  }
  return value;
}

async function main(): Promise<void> {
  const url = process.env['DATABASE_URL'];
  if (!url) {
    console.error('Set DATABASE_URL to the database to add the volume program to (the schema owner, e.g. postgres://postgres@127.0.0.1:5432/test).');
    process.exit(2);
  }
  const participants = option('participants', 5000, 1_000_000);
  const notes = option('notes', 0, 50_000_000);
  const shape = volumeShape(`volume-${Date.now().toString(36)}`, participants);
  const { slug, teams } = shape;
  const specialists = teams * shape.specialistsPerTeam;
  const owner = new Client({ connectionString: url, application_name: 'waypoint-seed-volume' });
  await owner.connect();
  try {
    const started = performance.now();
    await owner.query('BEGIN');
    const program = await seedProgram(owner, shape);
    const work = await seedCareWorkVolume(owner, program.programId);
    const sessionNotes = notes > 0 ? await seedNotesVolume(owner, program.programId, notes) : null;
    await owner.query('COMMIT');
    await owner.query('ANALYZE participants, care_assignments, goals, goal_steps, goal_progress, tasks, assessments');
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`program ${slug} (${program.programId}): ${participants} participants, ${teams} teams, ${specialists} specialists in ${seconds} s`);
    console.log(`  ${Object.entries(work).map(([what, n]) => `${n} ${what}`).join(', ')}`);
    if (sessionNotes) {
      console.log(
        `  ${sessionNotes.notes} session notes (${Object.entries(sessionNotes.byStatus).map(([status, n]) => `${n} ${status}`).join(', ')}) ` +
          `in ${sessionNotes.seconds.insert.toFixed(1)} s, ANALYZE ${sessionNotes.seconds.analyze.toFixed(1)} s`,
      );
    }
  } catch (error) {
    await owner.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await owner.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

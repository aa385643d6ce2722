import { randomUUID } from 'node:crypto';
import { programTodaySql } from '@waypoint/api-database';
import type { Client } from 'pg';
import type { DemoParticipant } from './demo-people';

/** The demo program's today (each seed statement passes its id as $1): dates on its own clock. */
const PROGRAM_TODAY = programTodaySql('$1::uuid');

/** A seeded participant: the demo record and the id it got. */
export interface SeededParticipant {
  id: string;
  person: DemoParticipant;
}

/** Goals in a participant's own words, by dimension, each with its steps. */
const GOALS: Record<'health' | 'home' | 'purpose' | 'community', { statement: string; steps: string[] }[]> = {
  health: [
    { statement: 'Stay on my medication and keep every clinic appointment', steps: ['Put refill dates in my phone', 'Get a ride set up for Thursdays', 'Ask about take-home doses'] },
    { statement: 'Sleep through the night most nights', steps: ['No coffee after noon', 'Same bedtime on weekdays'] },
    { statement: 'Walk twenty minutes every day', steps: ['Find a route near the shelter', 'Walk with my cousin on Saturdays'] },
  ],
  home: [
    { statement: 'Get my own apartment with a lease in my name', steps: ['Get on the housing authority waitlist', 'Save $600 for a deposit', 'Visit two places with my sponsor'] },
    { statement: 'Keep my room at the sober house through the winter', steps: ['Pay rent on the first', 'Do my chores on Sunday'] },
  ],
  purpose: [
    { statement: 'Get my forklift certification and a warehouse job', steps: ['Sign up for the workforce center class', 'Get my ID replaced', 'Practice interviews with Jordan'] },
    { statement: 'Go back to community college in the fall', steps: ['Fill out the FAFSA', 'Meet the admissions counselor'] },
    { statement: 'Volunteer at the food pantry once a week', steps: ['Call the pantry coordinator', 'Go to the Tuesday shift'] },
  ],
  community: [
    { statement: 'Go to three meetings a week and find a sponsor', steps: ['Try the Monday noon meeting', 'Ask someone to be my sponsor'] },
    { statement: 'Have Sunday dinners with my sister again', steps: ['Write her a letter', 'Call her on her birthday'] },
    { statement: 'Join the Tuesday recovery run club', steps: ['Get running shoes from the clothing bank', 'Show up once'] },
  ],
};
const DIMENSIONS = ['health', 'home', 'purpose', 'community'] as const;

/**
 * Days since each participant's last recorded contact (their latest progress and BARC-10), so
 * the caseload's "last contact" varies as in a real program: most seen this week or last, a few
 * past the 14-day threshold.
 */
const QUIET_DAYS = [2, 6, 19, 1, 11, 27, 4];
export const quietDays = (index: number) => QUIET_DAYS[index % QUIET_DAYS.length];

/**
 * The care work around the caseloads: recovery-plan goals with steps and a few weeks of
 * progress (most rising, some flat or slipping), BARC-10 histories (most improving, every fourth
 * worsening), follow-up tasks (one overdue, one due today), and one overdose that raised a
 * high-risk flag and told the supervisor. Marcus Bell has no plan or assessment yet: the journeys
 * build his. Written as the schema owner inside the seed's transaction.
 */
export async function seedCareWork(client: Client, programId: string, users: Map<string, string>, participants: SeededParticipant[]): Promise<void> {
  const active = participants.filter(({ person }) => person.status === 'active' && !(person.first === 'Marcus' && person.last === 'Bell'));
  const goals = active.flatMap(({ id }, index) =>
    Array.from({ length: 1 + (index % 3) }, (_, k) => {
      const dimension = DIMENSIONS[(index + k) % DIMENSIONS.length];
      const options = GOALS[dimension];
      const goal = options[(index + k) % options.length];
      // Most goals move up over the weeks; every fourth slips, every fifth stays flat.
      const trend = index % 4 === 3 ? -1 : index % 5 === 4 ? 0 : 1;
      const start = trend < 0 ? 7 : 2 + (index % 3);
      return {
        participant_id: id,
        dimension,
        statement: goal.statement,
        target_days: 60 + ((index * 17 + k * 23) % 120),
        steps: goal.steps,
        done_steps: (index + k) % (goal.steps.length + 1),
        ratings: Array.from({ length: 3 + (index % 3) }, (_, week) => Math.max(0, Math.min(10, start + trend * week))),
        quiet_days: quietDays(index),
      };
    }),
  );
  // Ids made here, so steps and progress can name their goal without relying on RETURNING order.
  const withIds = goals.map((goal) => ({ ...goal, goal_id: randomUUID() }));
  await client.query(
    `INSERT INTO goals (id, program_id, participant_id, dimension, statement, target_date, created_at)
     SELECT g.goal_id, $1, g.participant_id, g.dimension, g.statement, ${PROGRAM_TODAY} + g.target_days, now() - interval '70 days'
       FROM jsonb_to_recordset($2::jsonb) AS g(goal_id uuid, participant_id uuid, dimension text, statement text, target_days int)`,
    [programId, JSON.stringify(withIds)],
  );
  await client.query(
    `INSERT INTO goal_steps (program_id, goal_id, position, description, done_at)
     SELECT $1, g.goal_id, s.n - 1, s.description, CASE WHEN s.n <= g.done_steps THEN now() - (s.n || ' days')::interval * 9 END
       FROM jsonb_to_recordset($2::jsonb) AS g(goal_id uuid, steps text[], done_steps int),
            unnest(g.steps) WITH ORDINALITY AS s(description, n)`,
    [programId, JSON.stringify(withIds)],
  );
  await client.query(
    `INSERT INTO goal_progress (program_id, goal_id, recorded_on, rating, comment, recorded_by)
     SELECT $1, g.goal_id, ${PROGRAM_TODAY} - ((jsonb_array_length(g.ratings) - r.n) * 14)::int - g.quiet_days, r.rating::int,
            CASE WHEN r.n = jsonb_array_length(g.ratings) THEN 'Talked it through at our last check-in.' END, $3
       FROM jsonb_to_recordset($2::jsonb) AS g(goal_id uuid, ratings jsonb, quiet_days int),
            jsonb_array_elements_text(g.ratings) WITH ORDINALITY AS r(rating, n)`,
    [programId, JSON.stringify(withIds), users.get('specialist')],
  );

  // BARC-10 every six weeks or so: most climb toward the 47 threshold, some slide away from it.
  const assessments = active.flatMap(({ id }, index) => {
    const trend = index % 4 === 3 ? -1 : 1;
    const count = 2 + (index % 4);
    return Array.from({ length: count }, (_, visit) => {
      const level = trend > 0 ? 2 + visit * 0.7 + (index % 3) * 0.3 : 5 - visit * 0.6;
      const answers = Array.from({ length: 10 }, (_, item) => Math.max(1, Math.min(6, Math.round(level + (((item * 7 + index) % 5) - 2) * 0.5))));
      return { participant_id: id, days_ago: (count - 1 - visit) * 42 + quietDays(index), answers };
    });
  });
  await client.query(
    `INSERT INTO assessments (program_id, participant_id, kind, taken_on, answers, recorded_by)
     SELECT $1, a.participant_id, 'barc10', ${PROGRAM_TODAY} - a.days_ago, ARRAY(SELECT jsonb_array_elements_text(a.answers)::smallint), $3
       FROM jsonb_to_recordset($2::jsonb) AS a(participant_id uuid, days_ago int, answers jsonb)`,
    [programId, JSON.stringify(assessments), users.get('specialist')],
  );

  const byName = (first: string) => participants.find(({ person }) => person.first === first);
  const tasks = [
    { first: 'Marcus', title: 'Call Lakeside MAT Clinic about his intake appointment', days: -2, owner: 'specialist' },
    { first: 'Danielle', title: 'Drop off a bus pass for the week', days: 0, owner: 'specialist' },
    { first: 'Terrence', title: 'Check in after his court date', days: 3, owner: 'specialist' },
    { first: 'Jamie', title: 'Bring the housing application to fill out together', days: 6, owner: 'specialist' },
    { first: 'Ashley', title: 'Follow up on the ED discharge plan', days: -1, owner: 'specialist' },
    { first: 'Kevin', title: 'Confirm his ride to the clinic', days: 1, owner: 'specialist2' },
    { first: 'Tasha', title: 'Send the SMART Recovery meeting list', days: -4, owner: 'specialist2' },
  ].flatMap((task) => {
    const participant = byName(task.first);
    return participant ? [{ participant_id: participant.id, title: task.title, days: task.days, owner_id: users.get(task.owner) }] : [];
  });
  await client.query(
    `INSERT INTO tasks (program_id, participant_id, owner_id, title, due_on, created_by)
     SELECT $1, t.participant_id, t.owner_id, t.title, ${PROGRAM_TODAY} + t.days, t.owner_id
       FROM jsonb_to_recordset($2::jsonb) AS t(participant_id uuid, owner_id uuid, title text, days int)`,
    [programId, JSON.stringify(tasks)],
  );

  const ashley = byName('Ashley');
  if (ashley) {
    await client.query(
      `INSERT INTO safety_events (program_id, participant_id, kind, occurred_on, description, follow_up, recorded_by)
       VALUES ($1, $2, 'overdose', ${PROGRAM_TODAY} - 9, 'Overdosed at a friend''s apartment; the friend gave two doses of naloxone and called 911.',
               'Seen in the ED and released the same night. Now carries naloxone; reconnecting with the MAT clinic.', $3),
              ($1, $2, 'naloxone_provided', ${PROGRAM_TODAY} - 8, 'Gave her two naloxone kits and showed her partner how to use them.', NULL, $3)`,
      [programId, ashley.id, users.get('specialist')],
    );
    await client.query(
      `UPDATE participants SET high_risk = true, high_risk_reason = 'Overdose recorded for ' || to_char(${programTodaySql('participants.program_id')} - 9, 'Mon FMDD, YYYY'),
              high_risk_set_at = now() - interval '9 days', high_risk_set_by = $2
        WHERE id = $1`,
      [ashley.id, users.get('specialist')],
    );
    await client.query(
      `INSERT INTO notifications (program_id, user_id, kind, participant_id, actor_id, created_at)
       VALUES ($1, $2, 'high_risk_flagged', $3, $4, now() - interval '9 days')`,
      [programId, users.get('supervisor'), ashley.id, users.get('specialist')],
    );
  }
}

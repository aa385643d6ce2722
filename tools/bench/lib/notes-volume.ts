import type { Client } from 'pg';

export interface NotesVolume {
  notes: number;
  /** Notes by status. */
  byStatus: Record<string, number>;
  /** Seconds the INSERT took, then the ANALYZE. */
  seconds: { insert: number; analyze: number };
}

const TOPICS = `ARRAY['cravings', 'triggers', 'boundaries', 'housing', 'employment', 'education', 'family', 'relationships',
  'mutual_aid_meetings', 'medication', 'physical_health', 'mental_health', 'legal', 'transportation', 'benefits', 'recovery_plan']`;
/** A SQL expression picking one of `phrases` at random (evaluated once per row). */
const pick = (phrases: string[]) => `(ARRAY['${phrases.map((p) => p.replaceAll("'", "''")).join("', '")}'])[1 + floor(random() * ${phrases.length})::int]`;
const GOAL = pick([
  'Keep the apartment: rent on time this month',
  'Reconnect with my sister',
  'Go to two meetings a week',
  'Find part-time work',
  'Handle cravings after work',
  'Get to my medical appointments',
  'Finish the GED paperwork',
]);
const INTERVENTION = pick([
  'Reviewed the recovery plan together and updated the next step',
  'Practised a refusal script for the weekend',
  'Went with them to the housing office',
  'Shared my own experience of the first months in recovery',
  'Looked up meeting times near work and chose two',
  'Called the clinic together to move the appointment',
  'Walked through the budget for the month',
]);
const RESPONSE = pick([
  'Engaged and hopeful; said the plan feels doable',
  'Tired but willing to keep going',
  'Frustrated about the wait list, calmer by the end',
  'Named two people to call when cravings hit',
  'Proud of a week without using',
  'Quiet at first, opened up about family stress',
]);
const PLAN = pick([
  'Meet again next week, same place',
  'Check in by phone on Friday',
  'Follow up on the application on Monday',
  'Go to a meeting together on Tuesday',
  'Bring the paperwork next time',
]);
const LOCATION = pick(['Community center', 'Participant’s home', 'Peer office, room 2', 'Coffee shop on Main St', 'Library']);
const RETURN_COMMENT = pick(['Please add how they responded.', 'The plan needs a date.', 'Say which goal this worked on.']);

/**
 * `count` session notes for the program's participants, set-based (one INSERT … SELECT over
 * generate_series, then ANALYZE): 500,000 in well under a minute on a laptop-sized server.
 *
 * - Authors are the specialists assigned to each participant today (the primary, and the
 *   secondary where there is one), so every note is in its author's and their supervisor's
 *   care-team scope. A participant gets notes in proportion to how long the assignment has run
 *   (plus two weeks; referred participants a tenth as many), spread evenly back to its start
 *   (at most ~2 years) with jitter, between 08:00 and 18:00 UTC, never later than yesterday.
 * - Contact types: 60% individual, 15% brief check-in, 10% group, 7% collateral, 8% attempted;
 *   durations to match (attempted 1–5 min); units floor((minutes + 7) / 15), 0 when attempted,
 *   at most 16 (the daily cap is not applied); HQ on groups.
 * - Status by age: notes of the last 30 days 12% draft, 8% submitted, 30% signed, 50% co-signed;
 *   older ones 0.5% draft, 0.3% submitted, 1.2% signed (a backlog), the rest co-signed. A fifth
 *   of drafts were returned by the supervisor with a comment. Signed notes are inserted in their
 *   final state (the lock trigger forbids updating them): signature from the author's display name
 *   and credentials, co-signature by their team's supervisor, times in order and never in the future.
 * - GIRP sections with short synthetic text (an attempted contact has intervention and plan;
 *   half the drafts have only goal and intervention), one or two topics, the participant's first
 *   active goal linked on 60%, 3% with a risk concern, 2% naloxone provided, 30% a follow-up date.
 *
 * Rows go in in creation order, as a real table fills. Returns counts and timings.
 */
export async function seedNotesVolume(owner: Client, programId: string, count: number): Promise<NotesVolume> {
  const [{ work_mem: workMem }] = (await owner.query(`SELECT current_setting('work_mem') AS work_mem`)).rows;
  // The creation-order sort of the whole set stays in memory.
  await owner.query(`SET work_mem = '256MB'`);
  await owner.query('SELECT setseed(0.17)');
  const insertStarted = performance.now();
  try {
    await owner.query(
      `WITH pairs AS MATERIALIZED (
         SELECT ca.participant_id, ca.specialist_id AS author_id, u.display_name, u.credentials, t.supervisor_id,
                current_date - ca.starts_on AS span,
                (SELECT g.id FROM goals g WHERE g.program_id = $1 AND g.participant_id = ca.participant_id AND g.status = 'active' ORDER BY g.id LIMIT 1) AS goal_id,
                -- Whole numbers, so the shares below add up to exactly $2.
                (least(current_date - ca.starts_on, 730) + 14)::bigint * CASE ca.kind WHEN 'primary' THEN 10 ELSE 3 END
                  * CASE p.status WHEN 'referred' THEN 1 ELSE 10 END AS w
           FROM care_assignments ca
           JOIN participants p ON p.id = ca.participant_id
           JOIN users u ON u.id = ca.specialist_id
           JOIN teams t ON t.id = u.team_id
          -- Assigned today, and since before today (an assignment that starts today has no notes yet).
          WHERE ca.program_id = $1 AND ca.starts_on < current_date AND (ca.ends_on IS NULL OR ca.ends_on > current_date)
       ),
       shares AS MATERIALIZED (
         SELECT *, ($2::bigint * running / total - $2::bigint * (running - w) / total)::int AS k
           FROM (SELECT *, (sum(w) OVER (ORDER BY participant_id, author_id ROWS UNBOUNDED PRECEDING))::bigint AS running,
                        (sum(w) OVER ())::bigint AS total
                   FROM pairs) s
       ),
       drawn AS MATERIALIZED (
         SELECT s.participant_id, s.author_id, s.display_name, s.credentials, s.supervisor_id, s.goal_id,
                1 + floor(least(s.span, 730) * (s.k - j + random()) / s.k)::int AS days_back,
                480 + floor(random() * 600)::int AS minute_of_day,
                random() AS r_type, random() AS r_duration, random() AS r_modality, random() AS r_status, random() AS r_flow,
                random() AS r_sections, random() AS r_goal, random() AS r_topics, random() AS r_risk, random() AS r_naloxone,
                random() AS r_follow, random() AS r_review, floor(random() * 16)::int AS topic_a, 1 + floor(random() * 15)::int AS topic_step,
                random() * interval '3 hours' AS writing, random() AS r_delay1, random() AS r_delay2, random() AS r_delay3
           FROM shares s, generate_series(1, s.k) AS j
          WHERE s.k > 0
       ),
       typed AS (
         SELECT d.*,
                CASE WHEN r_type < 0.60 THEN 'individual' WHEN r_type < 0.75 THEN 'brief_check_in' WHEN r_type < 0.85 THEN 'group'
                     WHEN r_type < 0.92 THEN 'collateral' ELSE 'attempted' END AS contact_type,
                date_trunc('day', now()) - days_back * interval '1 day' + minute_of_day * interval '1 minute' AS started_at
           FROM drawn d
       ),
       timed AS (
         SELECT t.*,
                CASE contact_type WHEN 'individual' THEN 20 + floor(r_duration * 56) WHEN 'group' THEN 45 + floor(r_duration * 46)
                     WHEN 'brief_check_in' THEN 5 + floor(r_duration * 16) WHEN 'collateral' THEN 10 + floor(r_duration * 31)
                     ELSE 1 + floor(r_duration * 5) END::int AS minutes,
                CASE WHEN contact_type = 'group' THEN CASE WHEN r_modality < 0.8 THEN 'in_person' ELSE 'video' END
                     WHEN contact_type = 'attempted' THEN CASE WHEN r_modality < 0.7 THEN 'phone' ELSE 'text' END
                     WHEN r_modality < 0.5 THEN 'in_person' WHEN r_modality < 0.8 THEN 'phone' WHEN r_modality < 0.92 THEN 'video' ELSE 'text' END AS modality,
                CASE WHEN days_back <= 30 THEN
                       CASE WHEN r_status < 0.12 THEN 'draft' WHEN r_status < 0.20 THEN 'submitted' WHEN r_status < 0.50 THEN 'signed' ELSE 'cosigned' END
                     ELSE
                       CASE WHEN r_status < 0.005 THEN 'draft' WHEN r_status < 0.008 THEN 'submitted' WHEN r_status < 0.02 THEN 'signed' ELSE 'cosigned' END
                END AS status
           FROM typed t
       ),
       stamped AS (
         SELECT x.*, x.started_at + x.minutes * interval '1 minute' AS ended_at,
                x.started_at + x.minutes * interval '1 minute' + x.writing AS created_at
           FROM timed x
       ),
       -- Signed straight from draft (60%: submitted_at = signed_at, as the API does), or submitted
       -- first; each step up to a day or two after the last, none after now.
       signed AS (
         SELECT s.*,
                CASE WHEN s.status = 'draft' THEN NULL
                     WHEN s.status <> 'submitted' AND s.r_flow < 0.6 THEN least(s.created_at + s.r_delay1 * interval '2 days', now())
                     ELSE least(s.created_at + s.r_delay1 * interval '1 day', now()) END AS submitted_at,
                s.status = 'draft' AND s.r_flow < 0.2 AS returned
           FROM stamped s
       ),
       final AS (
         SELECT s.*,
                CASE WHEN s.status IN ('signed', 'cosigned') THEN
                       CASE WHEN s.r_flow < 0.6 THEN s.submitted_at ELSE least(s.submitted_at + s.r_delay2 * interval '1 day', now()) END
                END AS signed_at,
                CASE WHEN s.returned THEN least(s.created_at + s.r_delay2 * interval '1 day', now()) END AS returned_at
           FROM signed s
       )
       INSERT INTO session_notes (program_id, participant_id, author_id, started_at, ended_at, contact_type, modality, location, format,
                                  sections, goal_ids, topics, risk_concern, risk_detail, naloxone_provided, follow_up_on, units, modifiers,
                                  status, reviewed_with_participant, submitted_at, signed_at, signed_by_name, signed_by_credential,
                                  cosigned_at, cosigned_by, returned_at, returned_by, return_comment, created_at, updated_at, version)
       SELECT $1, f.participant_id, f.author_id, f.started_at, f.ended_at, f.contact_type, f.modality,
              CASE WHEN f.modality = 'in_person' THEN ${LOCATION} END, 'GIRP',
              CASE WHEN f.contact_type = 'attempted' THEN jsonb_build_object('intervention', 'Called; no answer, left a voicemail', 'plan', 'Try again tomorrow')
                   WHEN f.status = 'draft' AND f.r_sections < 0.5 THEN jsonb_build_object('goal', ${GOAL}, 'intervention', ${INTERVENTION})
                   ELSE jsonb_build_object('goal', ${GOAL}, 'intervention', ${INTERVENTION}, 'response', ${RESPONSE}, 'plan', ${PLAN}) END,
              CASE WHEN f.goal_id IS NOT NULL AND f.r_goal < 0.6 AND f.contact_type <> 'attempted' THEN ARRAY[f.goal_id] ELSE '{}' END,
              CASE WHEN f.r_topics < 0.5 THEN ARRAY[(${TOPICS})[1 + f.topic_a]]
                   ELSE ARRAY[(${TOPICS})[1 + f.topic_a], (${TOPICS})[1 + (f.topic_a + f.topic_step) % 16]] END,
              f.r_risk < 0.03, CASE WHEN f.r_risk < 0.03 THEN 'Talked about using again this weekend; went over the safety plan' END,
              f.r_naloxone < 0.02,
              CASE WHEN f.r_follow < 0.3 THEN (f.started_at + interval '7 days')::date END,
              CASE WHEN f.contact_type = 'attempted' THEN 0 ELSE least(16, (f.minutes + 7) / 15) END,
              CASE WHEN f.contact_type = 'group' THEN ARRAY['HQ'] ELSE '{}' END,
              f.status, f.status IN ('signed', 'cosigned') AND f.r_review < 0.7,
              f.submitted_at, f.signed_at,
              CASE WHEN f.signed_at IS NOT NULL THEN f.display_name END, CASE WHEN f.signed_at IS NOT NULL THEN f.credentials END,
              CASE WHEN f.status = 'cosigned' THEN least(f.signed_at + f.r_delay3 * interval '4 days', now()) END,
              CASE WHEN f.status = 'cosigned' THEN f.supervisor_id END,
              f.returned_at, CASE WHEN f.returned THEN f.supervisor_id END, CASE WHEN f.returned THEN ${RETURN_COMMENT} END,
              f.created_at,
              greatest(f.created_at, f.submitted_at, f.signed_at, f.returned_at,
                       CASE WHEN f.status = 'cosigned' THEN least(f.signed_at + f.r_delay3 * interval '4 days', now()) END),
              -- create 1; submit +1; return +1; sign +1 (from draft or submitted); co-sign +1
              1 + CASE f.status WHEN 'draft' THEN CASE WHEN f.returned THEN 2 ELSE 0 END WHEN 'submitted' THEN 1
                                 ELSE CASE WHEN f.r_flow < 0.6 THEN 1 ELSE 2 END + CASE WHEN f.status = 'cosigned' THEN 1 ELSE 0 END END
         FROM final f
        ORDER BY f.created_at`,
      [programId, count],
    );
  } finally {
    // In a transaction that failed this cannot run, and need not: the rollback undoes the SET.
    await owner.query(`SELECT set_config('work_mem', $1, false)`, [workMem]).catch(() => undefined);
  }
  const insert = (performance.now() - insertStarted) / 1000;
  const analyzeStarted = performance.now();
  await owner.query('ANALYZE session_notes');
  const analyze = (performance.now() - analyzeStarted) / 1000;
  const { rows } = await owner.query(`SELECT status, count(*)::int AS n FROM session_notes WHERE program_id = $1 GROUP BY status ORDER BY status`, [programId]);
  const byStatus = Object.fromEntries(rows.map((row: { status: string; n: number }) => [row.status, row.n]));
  return { notes: rows.reduce((sum: number, row: { n: number }) => sum + row.n, 0), byStatus, seconds: { insert, analyze } };
}

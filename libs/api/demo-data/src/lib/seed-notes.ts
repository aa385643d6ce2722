import { programTodaySql } from '@waypoint/api-database';
import type { Client } from 'pg';
import { quietDays, type SeededParticipant } from './seed-care-work';

const SECTIONS = [
  {
    goal: 'Keep going to the Tuesday SMART meeting (recovery plan: community).',
    intervention: 'Walked through what got in the way last week; practised the cost-benefit worksheet together.',
    response: 'Said the worksheet helped; named the Friday paycheck as a trigger.',
    plan: 'Text on Friday afternoon; bring the meeting list next visit.',
  },
  {
    goal: 'Find stable housing near the bus line (recovery plan: home).',
    intervention: 'Filled out the housing authority application together and called about the waiting list.',
    response: 'Relieved to have it submitted; worried about the wait.',
    plan: 'Follow up with the housing authority in two weeks.',
  },
  {
    goal: 'Keep MAT appointments (recovery plan: health).',
    intervention: 'Checked in by phone before the clinic visit; reviewed the ride plan.',
    response: 'Made the appointment; dose steady, no cravings this week.',
    plan: 'Check in after next week’s visit.',
  },
];

/**
 * Session notes around the caseloads, dated on days the participants were already seen (their
 * last progress and the visit two weeks before), so "last contact" stays as the care work set it:
 * older notes co-signed, the latest in every stage (signed and awaiting the supervisor, submitted,
 * co-signed) so the co-sign queue has work in it. Marcus Bell has none: the journeys write his.
 */
export async function seedNotes(client: Client, programId: string, users: Map<string, string>, participants: SeededParticipant[]): Promise<void> {
  const active = participants.filter(({ person }) => person.status === 'active' && !(person.first === 'Marcus' && person.last === 'Bell'));
  const latestStatus = ['signed', 'cosigned', 'submitted', 'cosigned'] as const;
  const notes = active.flatMap(({ id, person }, index) => {
    const authorId = users.get(person.specialistKey);
    return [
      { participant_id: id, author_id: authorId, days_ago: quietDays(index) + 14, status: 'cosigned', sections: SECTIONS[index % SECTIONS.length], minutes: 30 + (index % 3) * 15 },
      { participant_id: id, author_id: authorId, days_ago: quietDays(index), status: latestStatus[index % latestStatus.length], sections: SECTIONS[(index + 1) % SECTIONS.length], minutes: 25 + (index % 4) * 10 },
    ];
  });
  await client.query(
    `INSERT INTO session_notes (program_id, participant_id, author_id, started_at, ended_at, contact_type, modality, location, sections, topics,
                                units, status, reviewed_with_participant, submitted_at, signed_at, signed_by_name, signed_by_credential, cosigned_at, cosigned_by)
     SELECT $1, n.participant_id, n.author_id, s.started_at, s.started_at + make_interval(mins => n.minutes), 'individual',
            CASE WHEN n.minutes < 30 THEN 'phone' ELSE 'in_person' END, CASE WHEN n.minutes < 30 THEN NULL ELSE 'Recovery cafe' END,
            n.sections, ARRAY['recovery_plan'], (n.minutes + 7) / 15, n.status, n.status <> 'submitted',
            s.started_at + interval '2 hours',
            CASE WHEN n.status IN ('signed', 'cosigned') THEN s.started_at + interval '2 hours' END,
            CASE WHEN n.status IN ('signed', 'cosigned') THEN a.display_name END,
            CASE WHEN n.status IN ('signed', 'cosigned') THEN a.credentials END,
            CASE WHEN n.status = 'cosigned' THEN s.started_at + interval '1 day' END,
            CASE WHEN n.status = 'cosigned' THEN $2::uuid END
       FROM jsonb_to_recordset($3::jsonb) AS n(participant_id uuid, author_id uuid, days_ago int, status text, sections jsonb, minutes int)
       JOIN users a ON a.id = n.author_id
       -- Mid-morning on the program's clock, that many of its days ago.
       CROSS JOIN LATERAL (SELECT ((${programTodaySql('$1::uuid')} - n.days_ago) + time '10:30') AT TIME ZONE (SELECT time_zone FROM programs WHERE id = $1::uuid) AS started_at) s`,
    [programId, users.get('supervisor'), JSON.stringify(notes)],
  );
}

import type { AssessmentRecord } from '@waypoint/web-participant-data';
import { chronological, compareAssessments, signed } from './assessment-comparison';

const assessment = (id: string, takenOn: string, answers: number[], createdAt = `${takenOn}T15:00:00Z`): AssessmentRecord => ({
  id,
  kind: 'barc10',
  takenOn,
  answers,
  total: answers.reduce((sum, answer) => sum + answer, 0),
  notes: null,
  recordedById: 'u-1',
  recordedByName: 'Jordan Rivera',
  createdAt,
  version: 1,
});

describe('compareAssessments', () => {
  const march = assessment('a-1', '2025-03-01', [2, 3, 4, 4, 5, 1, 6, 3, 3, 2]);
  const june = assessment('a-2', '2025-06-01', [4, 3, 5, 2, 5, 3, 6, 2, 3, 5]);

  it('marks each item up, down or the same, from the earlier date to the later one', () => {
    const comparison = compareAssessments(march, june);
    expect(comparison.items.map((row) => row.change)).toEqual(['up', 'same', 'up', 'down', 'same', 'up', 'same', 'down', 'same', 'up']);
    expect(comparison.items[0]).toMatchObject({ earlier: 2, later: 4, difference: 2 });
    expect(comparison.items[3].item.domain).toBe('Belonging');
    expect(comparison).toMatchObject({ totalDifference: 5, totalChange: 'up' });
  });

  it('puts the earlier assessment first whichever order they are chosen in', () => {
    const comparison = compareAssessments(june, march);
    expect(comparison.earlier.id).toBe('a-1');
    expect(comparison.later.id).toBe('a-2');
    expect(comparison.items[0].change).toBe('up');
  });

  it('orders two taken the same day by when they were recorded', () => {
    const morning = assessment('m', '2025-06-01', Array(10).fill(5), '2025-06-01T09:00:00Z');
    const evening = assessment('e', '2025-06-01', Array(10).fill(4), '2025-06-01T18:00:00Z');
    expect(compareAssessments(evening, morning)).toMatchObject({ earlier: { id: 'm' }, totalChange: 'down', totalDifference: -10 });
    expect(chronological([evening, june, morning, march]).map((a) => a.id)).toEqual(['a-1', 'm', 'a-2', 'e']);
  });

  it('formats differences with a sign', () => {
    expect([signed(3), signed(-2), signed(0)]).toEqual(['+3', '\u22122', '0']);
  });
});

import type { TimelineEntry } from '@waypoint/web-participant-data';
import { describeEntry, groupByDay } from './timeline-wording';

const base = { id: 'x:1', sourceId: '1', on: '2026-11-12', recordedAt: '2026-11-12T15:00:00Z', byName: 'Jordan Avery' };
const entry = (fields: Record<string, unknown>) => ({ ...base, ...fields }) as TimelineEntry;

describe('describeEntry', () => {
  it('says each kind in words', () => {
    const lines = [
      entry({ kind: 'status-change', fromStatus: 'referred', toStatus: 'active', reason: 'Completed intake' }),
      entry({ kind: 'status-change', fromStatus: null, toStatus: 'referred', reason: null }),
      entry({ kind: 'goal-created', goalId: 'g-1', dimension: 'home', statement: 'Find stable housing' }),
      entry({ kind: 'goal-status', goalId: 'g-1', dimension: 'home', statement: 'Find stable housing', status: 'achieved', reason: null }),
      entry({ kind: 'goal-progress', goalId: 'g-1', dimension: 'home', statement: 'Find stable housing', rating: 7, comment: 'Viewed two apartments' }),
      entry({ kind: 'assessment', total: 42 }),
      entry({ kind: 'safety-event', safetyKind: 'overdose', description: 'Found unresponsive', followUp: 'Taken to County ED' }),
      entry({ kind: 'task-done', title: 'Drop off bus pass' }),
    ].map(describeEntry);
    expect(lines.map((line) => [line.text, line.detail])).toEqual([
      ['Status: Referred → Active', 'Completed intake'],
      ['Status: Referred', null],
      ['Goal added to Home — ‘Find stable housing’', null],
      ['Goal marked Achieved — ‘Find stable housing’', null],
      ['Goal progress 7/10 — ‘Find stable housing’', 'Viewed two apartments'],
      ['BARC-10: 42', null],
      ['Overdose — Found unresponsive', 'Follow-up: Taken to County ED'],
      ['Task done: Drop off bus pass', null],
    ]);
    expect(lines.map((line) => line.alarming)).toEqual([false, false, false, false, false, false, true, false]);
    expect(lines.every((line) => line.icon.length > 0)).toBe(true);
  });

  it('says what a session note was: type, modality, length, units and where it stands', () => {
    const line = describeEntry(entry({ kind: 'session-note', contactType: 'individual', modality: 'phone', durationMinutes: 30, units: 2, status: 'signed' }));
    expect([line.icon, line.text, line.detail]).toEqual(['edit_note', 'Individual note · Phone · 30 min · 2 units', 'Signed']);
    expect(describeEntry(entry({ kind: 'session-note', contactType: 'attempted', modality: 'text', durationMinutes: 8, units: 1, status: 'draft' })).text).toBe(
      'Attempted contact note · Text · 8 min · 1 unit',
    );
  });

  it('shows a safety event that is not an overdose calmly, and a kind it does not know readably', () => {
    const handoff = describeEntry(entry({ kind: 'safety-event', safetyKind: 'warm_handoff_988', description: 'Connected by phone', followUp: null }));
    expect(handoff).toMatchObject({ text: '988 warm handoff — Connected by phone', detail: null, alarming: false });
    expect(describeEntry(entry({ kind: 'referral-sent' })).text).toBe('referral sent');
  });
});

describe('groupByDay', () => {
  it('keeps the order and puts each day’s entries together', () => {
    const days = groupByDay([
      { id: 'a', on: '2026-11-12' },
      { id: 'b', on: '2026-11-12' },
      { id: 'c', on: '2026-11-10' },
    ]);
    expect(days.map((day) => [day.on, day.entries.map((item) => item.id)])).toEqual([
      ['2026-11-12', ['a', 'b']],
      ['2026-11-10', ['c']],
    ]);
  });
});

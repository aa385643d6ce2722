import { FormControl, FormGroup } from '@angular/forms';
import { wallClockInput } from '@waypoint/web-clock';
import { defaultFilterValue, participantIdValidator, rangeInOrder, toAuditFilters } from './audit-filter-value';

const participant = '9b7d3c2e-0000-4000-8000-000000000002';

describe('audit filter values', () => {
  it('opens on the last seven days, up to now', () => {
    const now = new Date(2026, 10, 21, 14, 5, 30);
    expect(defaultFilterValue(now)).toEqual({ from: '2026-11-14T14:05', to: '', actorId: '', participantId: '', action: '', outcome: '' });
    expect(wallClockInput(new Date(2026, 0, 2, 3, 4), null)).toBe('2026-01-02T03:04');
  });

  it('fills and reads the inputs on the program’s clock, whatever the browser’s', () => {
    // 02:25 UTC on Dec 8 is 20:25 on Dec 7 in Chicago: the table shows CST, so the inputs do too.
    const now = new Date(Date.UTC(2026, 11, 8, 2, 25, 40));
    expect(defaultFilterValue(now, '', 'America/Chicago').from).toBe('2026-11-30T20:25');
    expect(defaultFilterValue(now, '', 'Asia/Tokyo').from).toBe('2026-12-01T11:25');
    const blank = { to: '', actorId: '', participantId: '', action: '', outcome: '' as const };
    expect(toAuditFilters({ ...blank, from: '2026-11-30T20:25' }, 'America/Chicago')).toEqual({ from: '2026-12-01T02:25:00.000Z' });
    // Summer time: Chicago is five hours behind UTC in July, six in December.
    expect(toAuditFilters({ ...blank, from: '2026-07-01T12:00' }, 'America/Chicago')).toEqual({ from: '2026-07-01T17:00:00.000Z' });
    expect(toAuditFilters({ ...blank, from: '2026-12-01T11:25' }, 'Asia/Tokyo')).toEqual({ from: '2026-12-01T02:25:00.000Z' });
    expect(toAuditFilters({ ...blank, from: 'not a time' }, 'Asia/Tokyo')).toEqual({});
  });

  it('takes a participant from a link only when it is an id', () => {
    expect(defaultFilterValue(new Date(), participant).participantId).toBe(participant);
    expect(defaultFilterValue(new Date(), 'not-an-id').participantId).toBe('');
  });

  it('turns the form into the API filters: local times as instants, empty fields left out', () => {
    expect(
      toAuditFilters({ from: '2026-11-14T14:05', to: '', actorId: '', participantId: ` ${participant.toUpperCase()} `, action: 'auth.sign-in', outcome: 'denied' }),
    ).toEqual({ from: new Date(2026, 10, 14, 14, 5).toISOString(), participantId: participant, action: 'auth.sign-in', outcome: 'denied' });
    expect(toAuditFilters({ from: '', to: '', actorId: '', participantId: '', action: '', outcome: '' })).toEqual({});
  });

  it('refuses a range that ends before it starts', () => {
    const form = (from: string, to: string) => new FormGroup({ from: new FormControl(from), to: new FormControl(to) });
    expect(rangeInOrder(form('2026-11-14T10:00', '2026-11-14T09:00'))).toEqual({ range: true });
    expect(rangeInOrder(form('2026-11-14T10:00', '2026-11-14T10:00'))).toEqual({ range: true });
    expect(rangeInOrder(form('2026-11-14T10:00', '2026-11-14T11:00'))).toBeNull();
    expect(rangeInOrder(form('2026-11-14T10:00', ''))).toBeNull();
  });

  it('accepts a participant id with spaces around it, and nothing else but an id', () => {
    expect(participantIdValidator(new FormControl(` ${participant} `))).toBeNull();
    expect(participantIdValidator(new FormControl(''))).toBeNull();
    expect(participantIdValidator(new FormControl('Sam O.'))).toEqual({ participantId: true });
    expect(participantIdValidator(new FormControl(participant.slice(0, 8)))).toEqual({ participantId: true });
  });
});

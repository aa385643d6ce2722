import { FormControl, FormGroup } from '@angular/forms';
import { defaultFilterValue, localDateTime, participantIdValidator, rangeInOrder, toAuditFilters } from './audit-filter-value';

const participant = '9b7d3c2e-0000-4000-8000-000000000002';

describe('audit filter values', () => {
  it('opens on the last seven days, up to now', () => {
    const now = new Date(2026, 10, 21, 14, 5, 30);
    expect(defaultFilterValue(now)).toEqual({ from: '2026-11-14T14:05', to: '', actorId: '', participantId: '', action: '', outcome: '' });
    expect(localDateTime(new Date(2026, 0, 2, 3, 4))).toBe('2026-01-02T03:04');
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

import { defaultFields } from './note-fields';
import { copyToOffer, localCopies, type NoteLocalCopy, removeCopiesOf, removeLocalCopy, writeLocalCopy } from './note-local-copy';

const copy = (overrides: Partial<NoteLocalCopy>): NoteLocalCopy => ({
  participantId: 'p-1',
  key: 'k-1',
  noteId: null,
  version: null,
  writtenAt: '2026-11-21T15:00:00.000Z',
  fields: defaultFields(new Date('2026-11-21T15:00:00Z'), null),
  ...overrides,
});

describe('the local copy of a note', () => {
  const storage = window.localStorage;
  beforeEach(() => storage.clear());

  it('is kept per participant and editor session, newest first', () => {
    writeLocalCopy(storage, copy({ key: 'k-1', writtenAt: '2026-11-21T15:00:00.000Z' }));
    writeLocalCopy(storage, copy({ key: 'k-2', writtenAt: '2026-11-21T16:00:00.000Z' }));
    writeLocalCopy(storage, copy({ participantId: 'p-2', key: 'k-3' }));
    storage.setItem('waypoint.phi.note-draft.p-1.broken', '{not json');
    expect(localCopies(storage, 'p-1').map((c) => c.key)).toEqual(['k-2', 'k-1']);
    removeLocalCopy(storage, 'p-1', 'k-2');
    expect(localCopies(storage, 'p-1').map((c) => c.key)).toEqual(['k-1']);
  });

  it('is offered for a new note, and for a draft only when newer than what the server saved', () => {
    writeLocalCopy(storage, copy({ key: 'k-1', noteId: 'n-1', version: 2, writtenAt: '2026-11-21T15:00:00.000Z' }));
    expect(copyToOffer(storage, 'p-1', null, null)?.key).toBe('k-1');
    expect(copyToOffer(storage, 'p-1', 'n-1', '2026-11-21T14:59:00.000Z')?.key).toBe('k-1');
    expect(copyToOffer(storage, 'p-1', 'n-1', '2026-11-21T15:01:00.000Z')).toBeNull();
    expect(copyToOffer(storage, 'p-1', 'n-2', null)).toBeNull();
  });

  it('goes once the note is signed', () => {
    writeLocalCopy(storage, copy({ key: 'k-1', noteId: 'n-1' }));
    writeLocalCopy(storage, copy({ key: 'k-2', noteId: 'n-2' }));
    removeCopiesOf(storage, 'p-1', 'n-1');
    expect(localCopies(storage, 'p-1').map((c) => c.noteId)).toEqual(['n-2']);
  });

  it('does not stop the note when storage refuses', () => {
    const full = { setItem: () => { throw new Error('QuotaExceededError'); } } as unknown as Storage;
    expect(() => writeLocalCopy(full, copy({}))).not.toThrow();
    expect(() => writeLocalCopy(null, copy({}))).not.toThrow();
  });
});

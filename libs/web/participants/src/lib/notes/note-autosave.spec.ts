import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { PROBLEM_CONTENT_TYPE } from '@waypoint/shared-contracts';
import type { NoteContent, SessionNote } from '@waypoint/web-participant-data';
import { Subject } from 'rxjs';
import { newIdempotencyKey, NoteAutosave, whyNotSaved } from './note-autosave';
import { defaultFields, fieldsFromNote, type NoteFields } from './note-fields';
import { sessionNote } from './note-fixtures';
import { localCopies } from './note-local-copy';

const NOW = new Date('2026-11-21T15:00:00');

/** A stand-in for NotesApi whose answers the test gives, one request at a time. */
function fakeApi() {
  const calls: { method: 'create' | 'update' | 'get'; args: unknown[]; answer: Subject<SessionNote> }[] = [];
  const call = (method: 'create' | 'update' | 'get') => (...args: unknown[]) => {
    const answer = new Subject<SessionNote>();
    calls.push({ method, args, answer });
    return answer.asObservable();
  };
  return { api: { create: call('create'), update: call('update'), get: call('get') }, calls };
}

const answer = (subject: Subject<SessionNote>, note: SessionNote) => {
  subject.next(note);
  subject.complete();
};
const fail = (subject: Subject<SessionNote>, status: number, body: object | null = null) =>
  subject.error(new HttpErrorResponse({ status, error: body, headers: new HttpHeaders({ 'content-type': PROBLEM_CONTENT_TYPE }) }));

describe('NoteAutosave', () => {
  let storage: Storage;
  let autosave: NoteAutosave;
  let fields: NoteFields;

  beforeEach(() => {
    jest.useFakeTimers();
    jest.setSystemTime(NOW);
    storage = window.localStorage;
    storage.clear();
    fields = defaultFields(NOW, 'Community center');
  });

  afterEach(() => {
    autosave?.dispose();
    jest.useRealTimers();
  });

  function start(note: SessionNote | null = null) {
    const fake = fakeApi();
    autosave = new NoteAutosave({ api: fake.api, participantId: 'p-1', key: 'key-1', note, storage, now: () => new Date() });
    return fake.calls;
  }

  const write = (change: Partial<NoteFields>) => {
    fields = { ...fields, ...change };
    autosave.change(fields);
  };

  it('creates the draft once, after a pause in typing, with the session’s Idempotency-Key', () => {
    const calls = start();
    expect(autosave.state().kind).toBe('new');
    write({ sections: { goal: 'H' } });
    write({ sections: { goal: 'Housing' } });
    jest.advanceTimersByTime(1999);
    expect(calls).toHaveLength(0);
    expect(autosave.state().kind).toBe('pending');
    jest.advanceTimersByTime(1);
    expect(calls).toHaveLength(1);
    expect(calls[0].method).toBe('create');
    const [participantId, content, key] = calls[0].args as [string, NoteContent, string];
    expect(participantId).toBe('p-1');
    expect(key).toBe('key-1');
    expect(content).toMatchObject({ durationMinutes: 30, modality: 'in_person', contactType: 'individual', format: 'GIRP', location: 'Community center', sections: { goal: 'Housing' } });
    expect(content).not.toHaveProperty('units');
    expect(autosave.state().kind).toBe('saving');

    answer(calls[0].answer, sessionNote({ sections: { goal: 'Housing' }, updatedAt: NOW.toISOString() }));
    expect(autosave.state()).toEqual({ kind: 'saved', at: new Date(NOW.getTime() + 2000) });
    expect(autosave.note()?.id).toBe('n-1');
  });

  it('then sends only what changed, with the version, and at once when a field is left', () => {
    const calls = start();
    write({ sections: { goal: 'Housing' } });
    autosave.flush();
    answer(calls[0].answer, sessionNote({ sections: { goal: 'Housing' }, version: 1 }));

    write({ sections: { goal: 'Housing', intervention: 'Called the housing authority together' }, topics: ['housing'] });
    autosave.flush();
    expect(calls[1].method).toBe('update');
    expect(calls[1].args).toEqual(['n-1', { sections: { goal: 'Housing', intervention: 'Called the housing authority together' }, topics: ['housing'], version: 1 }]);
    answer(calls[1].answer, sessionNote({ version: 2 }));

    // The next change carries the version the last save answered with.
    write({ durationMinutes: 45 });
    jest.advanceTimersByTime(2000);
    expect(calls[2].args).toEqual(['n-1', { durationMinutes: 45, version: 2 }]);
  });

  it('keeps typing that arrives during a save and sends it when the save is back', () => {
    const calls = start();
    write({ location: 'Library' });
    autosave.flush();
    write({ location: 'Public library' });
    autosave.flush();
    expect(calls).toHaveLength(1);
    answer(calls[0].answer, sessionNote({ location: 'Library' }));
    expect(calls).toHaveLength(2);
    expect(calls[1].args).toEqual(['n-1', { location: 'Public library', version: 1 }]);
    answer(calls[1].answer, sessionNote({ location: 'Public library', version: 2 }));
    expect(autosave.state().kind).toBe('saved');
  });

  it('keeps a local copy until the server has the note, then removes it', () => {
    const calls = start();
    write({ sections: { goal: 'Housing' } });
    const [copy] = localCopies(storage, 'p-1');
    expect(copy).toMatchObject({ key: 'key-1', noteId: null, version: null, fields: { sections: { goal: 'Housing' } } });
    jest.advanceTimersByTime(2000);
    answer(calls[0].answer, sessionNote());
    expect(localCopies(storage, 'p-1')).toEqual([]);
  });

  it('goes offline when the server cannot be reached, and retries the create with the same key when back online', () => {
    const calls = start();
    write({ sections: { goal: 'Housing' } });
    jest.advanceTimersByTime(2000);
    fail(calls[0].answer, 0);
    expect(autosave.state().kind).toBe('offline');
    expect(localCopies(storage, 'p-1')).toHaveLength(1);

    window.dispatchEvent(new Event('online'));
    expect(calls).toHaveLength(2);
    expect(calls[1].method).toBe('create');
    expect(calls[1].args[2]).toBe('key-1');
    // The first request may have reached the server after all: the same key answers with the same note.
    answer(calls[1].answer, sessionNote({ replayed: true }));
    expect(autosave.state().kind).toBe('saved');
    expect(localCopies(storage, 'p-1')).toEqual([]);
  });

  it('retries on a timer too while unreachable', () => {
    const calls = start(sessionNote());
    fields = fieldsFromNote(sessionNote());
    write({ location: 'Library' });
    autosave.flush();
    fail(calls[0].answer, 503);
    expect(autosave.state().kind).toBe('offline');
    jest.advanceTimersByTime(15_000);
    expect(calls).toHaveLength(2);
    expect(calls[1].args).toEqual(['n-1', { location: 'Library', version: 1 }]);
  });

  it('keeps retrying while the API answers 503 (its database restarting), as Retry-After says, then backing off, and says so', () => {
    const calls = start(sessionNote());
    fields = fieldsFromNote(sessionNote());
    write({ location: 'Library' });
    autosave.flush();
    const problem = { type: '/problems/service-unavailable', title: 'Service unavailable', status: 503, detail: 'The database is not reachable right now; try again in a moment.' };
    calls[0].answer.error(
      new HttpErrorResponse({ status: 503, error: problem, headers: new HttpHeaders({ 'content-type': PROBLEM_CONTENT_TYPE, 'retry-after': '3' }) }),
    );
    expect(autosave.state()).toEqual({ kind: 'offline', reason: 'server' });
    expect(whyNotSaved(autosave.state())).toMatch(/not answering/);
    jest.advanceTimersByTime(2999);
    expect(calls).toHaveLength(1);
    jest.advanceTimersByTime(1);
    expect(calls).toHaveLength(2); // the server's Retry-After: 3 s

    // No Retry-After (a proxy's 502, or no answer at all): 2 s, then 4 s, then 8 s…
    fail(calls[1].answer, 502);
    jest.advanceTimersByTime(3999);
    expect(calls).toHaveLength(2);
    jest.advanceTimersByTime(1);
    expect(calls).toHaveLength(3);
    fail(calls[2].answer, 0); // no answer at all: the device's network, as far as anyone can tell
    expect(autosave.state()).toEqual({ kind: 'offline', reason: 'offline' });
    jest.advanceTimersByTime(8000);
    expect(calls).toHaveLength(4);
    // … never giving up, and never waiting longer than retryMs (15 s).
    for (let n = 4; n < 8; n += 1) {
      fail(calls[n - 1].answer, 503);
      jest.advanceTimersByTime(15_000);
      expect(calls).toHaveLength(n + 1);
    }
    expect(calls.every((call) => call.method === 'update')).toBe(true);

    answer(calls[7].answer, sessionNote({ location: 'Library', version: 2 }));
    expect(autosave.state().kind).toBe('saved');
    expect(localCopies(storage, 'p-1')).toEqual([]);
  });

  it('on a stale version fetches the saved note, waits for the merge, and saves it on that version', () => {
    const saved = sessionNote({ sections: { goal: 'Housing' }, version: 3 });
    const calls = start(saved);
    fields = fieldsFromNote(saved);
    write({ sections: { goal: 'Housing', plan: 'Tour the apartment on Friday' } });
    autosave.flush();
    fail(calls[0].answer, 409, { type: '/problems/conflict', title: 'Conflict', status: 409, currentVersion: 4 });
    expect(calls[1].method).toBe('get');
    expect(calls[1].args).toEqual(['n-1']);
    const theirs = sessionNote({ sections: { goal: 'Housing', response: 'Felt hopeful' }, version: 4 });
    answer(calls[1].answer, theirs);
    expect(autosave.state()).toEqual({ kind: 'conflict', theirs });

    // Nothing more is sent until the person chooses.
    write({ location: 'Library' });
    jest.advanceTimersByTime(10_000);
    autosave.flush();
    expect(calls).toHaveLength(2);

    const merged = { ...fields, sections: { goal: 'Housing', response: 'Felt hopeful', plan: 'Tour the apartment on Friday' } };
    autosave.resolve(theirs, merged);
    expect(calls[2].args).toEqual(['n-1', { location: 'Library', sections: { goal: 'Housing', response: 'Felt hopeful', plan: 'Tour the apartment on Friday' }, version: 4 }]);
  });

  it('stops when the note is no longer a draft, and says why', () => {
    const calls = start(sessionNote());
    fields = fieldsFromNote(sessionNote());
    write({ location: 'Library' });
    autosave.flush();
    fail(calls[0].answer, 409, { type: '/problems/conflict', title: 'Conflict', status: 409, detail: 'The note is signed; add an addendum instead.' });
    expect(autosave.state()).toEqual({ kind: 'failed', message: 'The note is signed; add an addendum instead.', locked: true });
    write({ location: 'Clinic' });
    jest.advanceTimersByTime(10_000);
    expect(calls).toHaveLength(1);
  });

  it('sends nothing while the times are impossible', () => {
    const calls = start();
    write({ durationMinutes: 0 });
    jest.advanceTimersByTime(5000);
    expect(calls).toHaveLength(0);
    expect(autosave.state()).toEqual({ kind: 'invalid', problem: 'duration' });
    write({ durationMinutes: 20 });
    jest.advanceTimersByTime(2000);
    expect(calls).toHaveLength(1);
  });

  it('settles once everything is saved, for signing', async () => {
    const calls = start();
    write({ sections: { goal: 'Housing' } });
    const settled = autosave.settled();
    expect(calls).toHaveLength(1);
    answer(calls[0].answer, sessionNote({ version: 1 }));
    await expect(settled).resolves.toMatchObject({ id: 'n-1', version: 1 });

    write({ reviewedWithParticipant: true });
    const offline = autosave.settled();
    fail(calls[1].answer, 0);
    await expect(offline).rejects.toEqual({ kind: 'offline', reason: 'offline' });
  });

  it('makes a UUID key even where crypto.randomUUID is missing (plain HTTP)', () => {
    const randomUUID = globalThis.crypto.randomUUID;
    try {
      Object.defineProperty(globalThis.crypto, 'randomUUID', { value: undefined, configurable: true });
      const keys = new Set(Array.from({ length: 20 }, () => newIdempotencyKey()));
      expect(keys.size).toBe(20);
      for (const key of keys) expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    } finally {
      Object.defineProperty(globalThis.crypto, 'randomUUID', { value: randomUUID, configurable: true });
    }
  });
});

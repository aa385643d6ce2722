import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { ParticipantRecord } from '@waypoint/web-participant-data';
import { firstValueFrom, of } from 'rxjs';
import { ParticipantContext, participantFromShell } from './participant-context';

const record: ParticipantRecord = { id: 'p-1', legalFirstName: 'Marcus', legalLastName: 'Bell', preferredName: null, pronouns: null, status: 'active', version: 2 };

describe('participantFromShell', () => {
  const fetch = jest.fn((id: string) => of({ ...record, id, version: 1 }));

  beforeEach(() => fetch.mockClear());

  it('takes the shell’s record for the same participant instead of asking again', async () => {
    TestBed.configureTestingModule({ providers: [{ provide: ParticipantContext, useValue: { participant: signal(record), replace: jest.fn(), reload: jest.fn() } }] });
    const read = TestBed.runInInjectionContext(() => participantFromShell(fetch));
    expect(await firstValueFrom(read('p-1'))).toBe(record);
    expect(fetch).not.toHaveBeenCalled();
    // Another participant (a stale tab during navigation) is read from the API.
    expect((await firstValueFrom(read('p-2'))).id).toBe('p-2');
    expect(fetch).toHaveBeenCalledWith('p-2');
  });

  it('asks the API when the page is not inside the shell', async () => {
    const read = TestBed.runInInjectionContext(() => participantFromShell(fetch));
    expect((await firstValueFrom(read('p-1'))).version).toBe(1);
    expect(fetch).toHaveBeenCalledWith('p-1');
  });
});

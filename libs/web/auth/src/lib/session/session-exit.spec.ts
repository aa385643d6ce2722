import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { LOCAL_PHI_PREFIX } from '@waypoint/web-core';
import { SessionExit } from './session-exit';
import { SessionStore } from './session.store';

describe('SessionExit', () => {
  let exit: SessionExit;
  let backend: HttpTestingController;
  const draftKey = `${LOCAL_PHI_PREFIX}note-draft.p-1.k-1`;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideRouter([{ path: '**', children: [] }]), provideHttpClient(), provideHttpClientTesting(), { provide: SessionStore, useValue: { end: jest.fn() } }],
    });
    exit = TestBed.inject(SessionExit);
    backend = TestBed.inject(HttpTestingController);
    localStorage.setItem(draftKey, '{"sections":{"response":"Said the meeting helped"}}');
    localStorage.setItem('waypoint.theme', 'dark');
  });

  afterEach(() => {
    backend.verify();
    localStorage.clear();
  });

  it('removes unsaved note copies from this browser on sign-out, and keeps other settings', async () => {
    const done = exit.signOut();
    backend.expectOne('/api/v1/auth/sign-out').flush(null, { status: 204, statusText: 'No Content' });
    expect(await done).toBe(true);
    expect(localStorage.getItem(draftKey)).toBeNull();
    expect(localStorage.getItem('waypoint.theme')).toBe('dark');
  });

  it('keeps them when the sign-out did not happen', async () => {
    const done = exit.signOut();
    backend.expectOne('/api/v1/auth/sign-out').flush(null, { status: 503, statusText: 'Unavailable' });
    expect(await done).toBe(false);
    expect(localStorage.getItem(draftKey)).not.toBeNull();
  });

  it('removes them after an idle timeout, but not when the server ended the session', async () => {
    await exit.endHere('ended', '/caseload');
    expect(localStorage.getItem(draftKey)).not.toBeNull();
    await exit.endHere('idle', '/caseload');
    expect(localStorage.getItem(draftKey)).toBeNull();
  });
});

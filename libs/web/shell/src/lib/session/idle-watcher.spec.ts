import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import { SessionExit, SessionRefresher, SessionStore } from '@waypoint/web-auth';
import { of, throwError } from 'rxjs';
import { fakeSessionStore, sessionUser } from '../testing/fake-session-store';
import { IDLE_WARNING_LEAD_MS, IdleWatcher } from './idle-watcher';

const NOW = Date.parse('2026-03-04T15:00:00Z');
const MINUTE = 60_000;

describe('IdleWatcher', () => {
  let store: ReturnType<typeof fakeSessionStore>;
  let exit: { signOut: jest.Mock; endHere: jest.Mock };
  let refresher: { refresh: jest.Mock };

  beforeEach(() => {
    jest.useFakeTimers({ now: NOW });
    store = fakeSessionStore(sessionUser('specialist'));
    exit = { signOut: jest.fn().mockResolvedValue(true), endHere: jest.fn().mockResolvedValue(undefined) };
    refresher = { refresh: jest.fn().mockReturnValue(of(undefined)) };
    TestBed.configureTestingModule({
      providers: [
        IdleWatcher,
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: SessionStore, useValue: store },
        { provide: SessionExit, useValue: exit },
        { provide: SessionRefresher, useValue: refresher },
      ],
    });
  });

  afterEach(() => {
    TestBed.inject(MatDialog).closeAll();
    jest.useRealTimers();
  });

  /** Moves the clock on and lets effects and the dialog's view catch up. */
  function advance(ms: number): void {
    jest.advanceTimersByTime(ms);
    TestBed.tick();
  }

  const dialog = () => document.querySelector('lib-idle-warning-dialog');
  const clock = () => dialog()?.querySelector('[role="timer"]')?.textContent?.trim();
  const button = (text: string) =>
    [...(dialog()?.querySelectorAll<HTMLButtonElement>('button') ?? [])].find((b) => b.textContent?.trim() === text);

  function watchUntil(deadline: number): void {
    store.idleDeadline.set(deadline);
    TestBed.inject(IdleWatcher).start();
    TestBed.tick();
  }

  it('opens the warning two minutes before the idle deadline, not earlier', () => {
    watchUntil(NOW + 15 * MINUTE);
    advance(15 * MINUTE - IDLE_WARNING_LEAD_MS - 1000);
    expect(dialog()).toBeNull();

    advance(1000);
    expect(dialog()).not.toBeNull();
    expect(dialog()?.closest('[role="alertdialog"]')).not.toBeNull();
    expect(clock()).toBe('2:00');
  });

  it('counts down every second while open', () => {
    watchUntil(NOW + 3 * MINUTE);
    advance(MINUTE);
    expect(clock()).toBe('2:00');
    advance(45_000);
    expect(clock()).toBe('1:15');
  });

  it('signs out here and goes to sign in when the time is up', () => {
    watchUntil(NOW + 3 * MINUTE);
    advance(3 * MINUTE - 1);
    expect(exit.endHere).not.toHaveBeenCalled();
    advance(1);
    expect(exit.endHere).toHaveBeenCalledWith('idle');
  });

  it('moves the warning when activity moves the deadline, closing one already open', () => {
    watchUntil(NOW + 3 * MINUTE);
    advance(MINUTE + 1000);
    expect(dialog()).not.toBeNull();

    store.idleDeadline.set(Date.now() + 15 * MINUTE);
    TestBed.tick();
    advance(1000);
    expect(dialog()).toBeNull();
    advance(10 * MINUTE);
    expect(exit.endHere).not.toHaveBeenCalled();
  });

  it('stays signed in on request: refreshes, then re-reads the session', async () => {
    const load = jest.spyOn(store, 'load');
    watchUntil(NOW + 2 * MINUTE);
    button('Stay signed in')?.click();
    advance(1000);
    await Promise.resolve();
    await Promise.resolve();

    expect(refresher.refresh).toHaveBeenCalledTimes(1);
    expect(load).toHaveBeenCalled();
    expect(exit.endHere).not.toHaveBeenCalled();
  });

  it('sends to sign in when staying is no longer possible', async () => {
    refresher.refresh.mockReturnValue(throwError(() => new Error('401')));
    watchUntil(NOW + 2 * MINUTE);
    button('Stay signed in')?.click();
    advance(1000);
    await Promise.resolve();
    await Promise.resolve();
    expect(exit.endHere).toHaveBeenCalledWith('ended');
  });

  it('signs out on the server when asked', () => {
    watchUntil(NOW + 2 * MINUTE);
    button('Sign out')?.click();
    advance(1000);
    expect(exit.signOut).toHaveBeenCalled();
    expect(refresher.refresh).not.toHaveBeenCalled();
  });

  it('does nothing while signed out', () => {
    watchUntil(NOW + 2 * MINUTE);
    store.idleDeadline.set(null);
    TestBed.tick();
    advance(5 * MINUTE);
    expect(exit.endHere).not.toHaveBeenCalled();
  });
});

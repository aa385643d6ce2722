import { DestroyRef, effect, inject, Injectable, Injector, untracked } from '@angular/core';
import { MatDialog, MatDialogRef } from '@angular/material/dialog';
import { SessionExit, SessionRefresher, SessionStore } from '@waypoint/web-auth';
import { firstValueFrom } from 'rxjs';
import { IdleWarningChoice, IdleWarningDialog, IdleWarningData } from './idle-warning-dialog';

/** How long before the idle deadline the warning opens. */
export const IDLE_WARNING_LEAD_MS = 2 * 60_000;

/**
 * Warns before the server ends a session for inactivity, and ends it here when the time is up.
 * Timers follow `SessionStore.idleDeadline`, which moves with every successful API call; so the
 * warning closes by itself if the session is used meanwhile (in this tab).
 */
@Injectable()
export class IdleWatcher {
  readonly #store = inject(SessionStore);
  readonly #refresher = inject(SessionRefresher);
  readonly #exit = inject(SessionExit);
  readonly #dialog = inject(MatDialog);
  readonly #destroyRef = inject(DestroyRef);
  readonly #injector = inject(Injector);
  #warnTimer: ReturnType<typeof setTimeout> | undefined;
  #endTimer: ReturnType<typeof setTimeout> | undefined;
  #dialogRef: MatDialogRef<IdleWarningDialog, IdleWarningChoice> | null = null;
  #started = false;

  /** Begins watching; stops when the injector that provided this watcher is destroyed. */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    const watching = effect(
      () => {
        const deadline = this.#store.idleDeadline();
        untracked(() => this.#schedule(deadline));
      },
      { injector: this.#injector },
    );
    this.#destroyRef.onDestroy(() => {
      watching.destroy();
      this.#clearTimers();
      this.#closeWarning();
    });
  }

  #schedule(deadline: number | null): void {
    this.#clearTimers();
    if (deadline === null) {
      this.#closeWarning();
      return;
    }
    const now = Date.now();
    const untilWarning = deadline - IDLE_WARNING_LEAD_MS - now;
    if (untilWarning > 0) {
      this.#closeWarning();
      this.#warnTimer = setTimeout(() => this.#warn(deadline), untilWarning);
    } else {
      this.#warn(deadline);
    }
    this.#endTimer = setTimeout(() => this.#timeUp(), Math.max(0, deadline - now));
  }

  #warn(deadline: number): void {
    if (this.#dialogRef) {
      this.#dialogRef.componentInstance.deadline.set(deadline);
      return;
    }
    const ref = this.#dialog.open<IdleWarningDialog, IdleWarningData, IdleWarningChoice>(IdleWarningDialog, {
      data: { deadline },
      role: 'alertdialog',
      autoFocus: 'first-tabbable',
      width: '440px',
      maxWidth: 'calc(100vw - 32px)',
    });
    this.#dialogRef = ref;
    ref.afterClosed().subscribe((choice) => {
      if (this.#dialogRef === ref) this.#dialogRef = null;
      void this.#onChoice(choice);
    });
  }

  async #onChoice(choice: IdleWarningChoice | undefined): Promise<void> {
    if (choice === 'sign-out') {
      await this.#exit.signOut();
      return;
    }
    // Escape or a click outside also means someone is here; only a close by this watcher
    // (the deadline moved, or time ran out) is not a choice.
    if (choice === 'superseded') return;
    try {
      await firstValueFrom(this.#refresher.refresh());
    } catch {
      await this.#exit.endHere('ended');
      return;
    }
    // Re-read the session, so the new idle deadline comes from the server.
    if (!(await this.#store.load())) await this.#exit.endHere('ended');
  }

  #timeUp(): void {
    this.#closeWarning();
    // The server ends the session itself; here it only has to leave the screen.
    void this.#exit.endHere('idle');
  }

  #closeWarning(): void {
    this.#dialogRef?.close('superseded');
    this.#dialogRef = null;
  }

  #clearTimers(): void {
    clearTimeout(this.#warnTimer);
    clearTimeout(this.#endTimer);
  }
}

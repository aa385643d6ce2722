import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';

export interface IdleWarningData {
  /** Local epoch ms at which the session ends. */
  deadline: number;
}

/** What the person chose; `superseded` is the watcher closing it because the deadline moved. */
export type IdleWarningChoice = 'stay' | 'sign-out' | 'superseded';

/** "Are you still there?" with a live countdown to the idle sign-out. */
@Component({
  selector: 'lib-idle-warning-dialog',
  imports: [MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose, MatButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title i18n>Are you still there?</h2>
    <mat-dialog-content>
      <p i18n>
        To protect your participants' privacy, Waypoint signs you out after a period without activity.
      </p>
      <p class="countdown">
        <ng-container i18n>You will be signed out in</ng-container>
        <!-- role=timer is not announced every second; the polite region below speaks less often. -->
        <strong role="timer" class="time">{{ clock() }}</strong>
      </p>
      <p class="visually-hidden" aria-live="polite">{{ announcement() }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button matButton type="button" [mat-dialog-close]="'sign-out'" i18n>Sign out</button>
      <button matButton="filled" type="button" [mat-dialog-close]="'stay'" cdkFocusInitial i18n>Stay signed in</button>
    </mat-dialog-actions>
  `,
  styles: `
    .countdown {
      display: flex;
      align-items: baseline;
      gap: 8px;
      margin: 0;
    }
    .time {
      font: var(--mat-sys-headline-small);
      font-variant-numeric: tabular-nums;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      margin: -1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  `,
})
export class IdleWarningDialog {
  /** Moved by the watcher if the deadline changes while open. */
  readonly deadline = signal(inject<IdleWarningData>(MAT_DIALOG_DATA).deadline);
  readonly #now = signal(Date.now());

  protected readonly secondsLeft = computed(() => Math.max(0, Math.ceil((this.deadline() - this.#now()) / 1000)));
  protected readonly clock = computed(() => {
    const seconds = this.secondsLeft();
    return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  });

  /** Spoken when the dialog opens and then every 30 seconds; every second would drown out the rest. */
  protected readonly announcement = computed(() => {
    const seconds = this.secondsLeft();
    const rounded = Math.ceil(seconds / 30) * 30;
    return $localize`:Screen-reader announcement in the idle warning:About ${rounded}:seconds: seconds left before you are signed out.`;
  });

  constructor() {
    const tick = setInterval(() => this.#now.set(Date.now()), 1000);
    inject(DestroyRef).onDestroy(() => clearInterval(tick));
  }
}

import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { CareWorkApi, type CrisisResource } from '@waypoint/web-participant-data';
import { catchError, map, of, startWith } from 'rxjs';

/** 988 always, then the program's local lines; each a tap-to-call link. Static, no participant data. */
@Component({
  selector: 'lib-crisis-lines-dialog',
  imports: [MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose, MatButton, MatIcon, MatProgressSpinner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title i18n>Crisis lines</h2>
    <mat-dialog-content>
      @switch (lines().kind) {
        @case ('loading') {
          <mat-progress-spinner mode="indeterminate" diameter="32" i18n-aria-label aria-label="Loading crisis lines" />
        }
        @case ('failed') {
          <!-- The one line that must never depend on the network answering. -->
          <p i18n>The local lines could not be loaded. In a crisis, call or text <a href="tel:988">988</a>, or call 911 in an emergency.</p>
        }
        @case ('loaded') {
          <ul class="lines">
            @for (line of loadedLines(); track line.name) {
              <li>
                <span class="name">{{ line.name }}</span>
                @if (line.note) {
                  <span class="note">{{ line.note }}</span>
                }
                <a class="call" [href]="'tel:' + line.phone"><mat-icon aria-hidden="true">call</mat-icon>{{ line.phone }}</a>
              </li>
            }
          </ul>
          <p class="emergency" i18n>If someone is in immediate danger, call 911.</p>
        }
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button matButton type="button" mat-dialog-close i18n>Close</button>
    </mat-dialog-actions>
  `,
  styles: `
    .lines { display: flex; flex-direction: column; gap: 12px; margin: 0; padding: 0; list-style: none; }
    li { display: grid; grid-template-columns: 1fr auto; gap: 2px 16px; align-items: center; }
    .name { font: var(--mat-sys-title-small); }
    .note { grid-column: 1; color: var(--mat-sys-on-surface-variant); font: var(--mat-sys-body-small); }
    .call { grid-column: 2; grid-row: 1 / span 2; display: inline-flex; align-items: center; gap: 4px; font: var(--mat-sys-title-medium); color: var(--mat-sys-primary); min-height: 48px; }
    .emergency { margin: 16px 0 0; font: var(--mat-sys-body-medium); }
  `,
})
export class CrisisLinesDialog {
  protected readonly lines = toSignal(
    inject(CareWorkApi)
      .crisisResources()
      .pipe(
        map((items) => ({ kind: 'loaded' as const, items })),
        startWith({ kind: 'loading' as const }),
        catchError(() => of({ kind: 'failed' as const })),
      ),
    { requireSync: true },
  );
  protected loadedLines(): CrisisResource[] {
    const state = this.lines();
    return state.kind === 'loaded' ? state.items : [];
  }
}

import { ChangeDetectionStrategy, Component, inject, Injector } from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  MAT_SNACK_BAR_DATA,
  MatSnackBar,
  MatSnackBarAction,
  MatSnackBarActions,
  MatSnackBarLabel,
  MatSnackBarRef,
} from '@angular/material/snack-bar';
import { HttpErrorDescription } from './http-error-description';

/** Snackbar content for a failed request: the problem's title, its detail, and the request id in small print. */
@Component({
  selector: 'lib-problem-snack-bar',
  imports: [MatButton, MatSnackBarLabel, MatSnackBarActions, MatSnackBarAction],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div matSnackBarLabel class="problem">
      <strong class="problem-title">{{ problem.title }}</strong>
      @if (problem.detail) {
        <span class="problem-detail">{{ problem.detail }}</span>
      }
      @if (problem.requestId) {
        <small class="problem-request-id" i18n="Support reference under an error message"
          >Request ID: {{ problem.requestId }}</small
        >
      }
    </div>
    <div matSnackBarActions>
      <button matButton matSnackBarAction (click)="snackBarRef.dismissWithAction()" i18n>Dismiss</button>
    </div>
  `,
  styles: `
    .problem {
      display: flex;
      flex-direction: column;
      gap: 2px;
    }
    .problem-request-id {
      font: var(--mat-sys-body-small);
      opacity: 0.85;
      overflow-wrap: anywhere;
    }
  `,
})
export class ProblemSnackBar {
  protected readonly problem = inject<HttpErrorDescription>(MAT_SNACK_BAR_DATA);
  protected readonly snackBarRef = inject(MatSnackBarRef);
}

/**
 * Opens the snackbar for a failed request. It stays until dismissed: an error that vanishes
 * on a timer is easy to miss (WCAG 2.2.1). The next problem replaces it.
 */
export function openProblemSnackBar(injector: Injector, problem: HttpErrorDescription): void {
  injector.get(MatSnackBar).openFromComponent(ProblemSnackBar, { data: problem });
}

import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import { EmptyState } from '@waypoint/web-ui';
import { ParticipantsApi } from '@waypoint/web-participant-data';
import { ParticipantFacts } from '../participant/participant-facts';
import { loadParticipant } from '../participant/participant-loader';

/** A participant opened through an emergency grant: read-only, and gone when the grant ends. */
@Component({
  selector: 'lib-emergency-participant-page',
  imports: [ParticipantFacts, EmptyState, MatProgressSpinner, MatButton, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @switch (view.state().kind) {
      @case ('loading') {
        <div class="loading"><mat-progress-spinner mode="indeterminate" diameter="40" i18n-aria-label aria-label="Loading the participant" /></div>
      }
      @case ('not-found') {
        <lib-empty-state icon="timer_off" i18n-heading heading="No emergency access to this participant">
          <ng-container i18n>Your emergency access has ended, or was never granted for this record.</ng-container>
          <div emptyStateActions><a matButton="filled" routerLink="/emergency-access" i18n>Request emergency access</a></div>
        </lib-empty-state>
      }
      @case ('failed') {
        <lib-empty-state icon="cloud_off" i18n-heading heading="The participant could not be loaded">
          <div emptyStateActions><button matButton="filled" type="button" (click)="view.reload()" i18n>Try again</button></div>
        </lib-empty-state>
      }
    }
    @if (view.state(); as state) {
      @if (state.kind === 'loaded') {
        <p class="read-only" i18n>Read-only emergency view. Every record you open is recorded and reviewed.</p>
        <lib-participant-facts [participant]="state.participant" />
        @if (state.participant.recoveryPathways === undefined) {
          <p class="limited" i18n>Recovery details are not shown to administrators, even in an emergency.</p>
        }
      }
    }
  `,
  styles: `
    .loading { display: grid; place-items: center; padding: 48px; }
    .read-only, .limited { margin: 0 0 16px; color: var(--mat-sys-on-surface-variant); font: var(--mat-sys-body-medium); }
    .limited { margin-block-start: 16px; }
  `,
})
export class EmergencyParticipantPage {
  readonly #api = inject(ParticipantsApi);
  readonly id = input.required<string>();
  protected readonly view = loadParticipant(this.id, (id) => this.#api.getInEmergency(id));
}

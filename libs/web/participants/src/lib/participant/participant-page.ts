import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import { SessionStore } from '@waypoint/web-auth';
import { EmptyState } from '@waypoint/web-ui';
import { ParticipantsApi } from '@waypoint/web-participant-data';
import { ParticipantFacts } from './participant-facts';
import { loadParticipant } from './participant-loader';
import { RecentAccessCard } from './recent-access-card';

/** One participant of the caller's caseload. The tabs of later issues hang off this route. */
@Component({
  selector: 'lib-participant-page',
  imports: [ParticipantFacts, RecentAccessCard, EmptyState, MatProgressSpinner, MatButton, MatIcon, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a matButton class="back" routerLink="/caseload"><mat-icon>arrow_back</mat-icon><span i18n>Caseload</span></a>
    @switch (view.state().kind) {
      @case ('loading') {
        <div class="loading"><mat-progress-spinner mode="indeterminate" diameter="40" i18n-aria-label aria-label="Loading the participant" /></div>
      }
      @case ('not-found') {
        <lib-empty-state icon="person_off" i18n-heading heading="This participant is not in your caseload">
          <ng-container i18n>They may have moved to another specialist, or the link is wrong. In an emergency, a supervisor can request emergency access.</ng-container>
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
        <lib-participant-facts [participant]="state.participant" />
        @if (showRecentAccess()) {
          <lib-recent-access-card class="recent-access" [participantId]="state.participant.id" />
        }
      }
    }
  `,
  styles: `
    .back { margin: 0 0 8px -12px; }
    .loading { display: grid; place-items: center; padding: 48px; }
    .recent-access { margin-block-start: 16px; max-width: 640px; }
  `,
})
export class ParticipantPage {
  readonly #api = inject(ParticipantsApi);
  readonly #session = inject(SessionStore);
  /** The route's `:id`, bound by the router. */
  readonly id = input.required<string>();
  protected readonly view = loadParticipant(this.id, (id) => this.#api.get(id));
  /** Supervisors see who opened the record; others neither see the card nor ask for it. */
  protected readonly showRecentAccess = computed(() => this.#session.can('caseload:team'));
}

import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { displayName, statusLabel, type ParticipantRecord } from '@waypoint/web-participant-data';

/**
 * Who the participant is, at the top of their record: the name they go by as the page's <h1>,
 * status, pronouns, legal name and the Part 2 notice. Projected content sits beside the name.
 */
@Component({
  selector: 'lib-participant-identity',
  imports: [MatIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="identity">
      <div class="who">
        <h1 class="name">{{ name() }}</h1>
        <p class="meta">
          <span class="badge" [class]="participant().status">{{ statusLabel(participant().status) }}</span>
          @if (participant().pronouns) {
            <span>{{ participant().pronouns }}</span>
          }
          @if (participant().preferredName) {
            <span i18n>Legal name: {{ legalName() }}</span>
          }
        </p>
      </div>
      <div class="actions"><ng-content /></div>
    </header>

    @if (participant().part2Protected) {
      <p class="part2">
        <mat-icon aria-hidden="true">shield_lock</mat-icon>
        <span i18n>Protected under 42 CFR Part 2: share only with the participant's written consent.</span>
      </p>
    }
  `,
  styleUrl: './participant-identity.scss',
})
export class ParticipantIdentity {
  readonly participant = input.required<ParticipantRecord>();

  protected readonly name = computed(() => displayName(this.participant()));
  protected readonly legalName = computed(() => `${this.participant().legalFirstName} ${this.participant().legalLastName}`);
  protected readonly statusLabel = statusLabel;
}

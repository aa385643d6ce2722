import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { contactMethodLabel, pathwayLabel, statusLabel, substanceLabel, displayName, type ParticipantRecord } from '@waypoint/web-participant-data';

/**
 * The key facts of one participant, showing only the fields the API sent (an admin in an
 * emergency receives contact details but no recovery information).
 */
@Component({
  selector: 'lib-participant-facts',
  imports: [MatIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './participant-facts.html',
  styleUrl: './participant-facts.scss',
})
export class ParticipantFacts {
  readonly participant = input.required<ParticipantRecord>();

  protected readonly name = computed(() => displayName(this.participant()));
  protected readonly legalName = computed(() => `${this.participant().legalFirstName} ${this.participant().legalLastName}`);
  protected readonly hasRecoveryDetails = computed(() => this.participant().recoveryPathways !== undefined);
  protected readonly statusLabel = statusLabel;
  protected readonly pathwayLabel = pathwayLabel;
  protected readonly substanceLabel = substanceLabel;
  protected readonly contactMethodLabel = contactMethodLabel;

  /** A calendar date (YYYY-MM-DD) in the reader's locale, without time-zone shifts. */
  protected date(value: string | null | undefined): string {
    if (!value) return '';
    const [year, month, day] = value.split('-').map(Number);
    return new Date(year, month - 1, day).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
  }
}

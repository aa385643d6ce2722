import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { contactMethodLabel, pathwayLabel, substanceLabel, type ParticipantRecord } from '@waypoint/web-participant-data';
import { ParticipantIdentity } from './participant-identity';

/**
 * The key facts of one participant, showing only the fields the API sent (an admin in an
 * emergency receives contact details but no recovery information). Headed by who they are,
 * unless the page shows that itself (the participant shell does, above its tabs).
 */
@Component({
  selector: 'lib-participant-facts',
  imports: [ParticipantIdentity],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './participant-facts.html',
  styleUrl: './participant-facts.scss',
})
export class ParticipantFacts {
  readonly participant = input.required<ParticipantRecord>();
  /** Whether the name, status and Part 2 notice head the facts (projected content goes beside the name). */
  readonly identity = input(true);

  protected readonly hasRecoveryDetails = computed(() => this.participant().recoveryPathways !== undefined);
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

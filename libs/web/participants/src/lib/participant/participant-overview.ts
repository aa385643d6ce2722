import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { SessionStore } from '@waypoint/web-auth';
import { statusLabel, type ParticipantRecord } from '@waypoint/web-participant-data';
import { CareTeamCard } from '../assignments/care-team-card';
import { type CardNotice, SafetyEventsCard } from '../safety/safety-events-card';
import { ChangeStatusDialog, type ChangeStatusData, type ChangeStatusResult } from '../status/change-status-dialog';
import { NextStepsCard } from './next-steps-card';
import { ParticipantContext } from './participant-context';
import { ParticipantFacts } from './participant-facts';
import { RecentAccessCard } from './recent-access-card';

/**
 * The Overview tab: what is next, safety, who carries the participant, then the key facts; for
 * supervisors also who recently opened the record. The participant comes from the shell.
 */
@Component({
  selector: 'lib-participant-overview',
  imports: [ParticipantFacts, NextStepsCard, SafetyEventsCard, CareTeamCard, RecentAccessCard, MatButton, MatIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './participant-overview.html',
  styleUrl: './participant-overview.scss',
})
export class ParticipantOverview {
  readonly #session = inject(SessionStore);
  readonly #dialog = inject(MatDialog);
  protected readonly context = inject(ParticipantContext);

  protected readonly canWrite = computed(() => this.#session.can('participants:write'));
  protected readonly canAssign = computed(() => this.#session.can('participants:assign'));
  /** Supervisors see who opened the record; others neither see the card nor ask for it. */
  protected readonly showRecentAccess = computed(() => this.#session.can('caseload:team'));

  /** What the last change did (role=status), or why it failed (role=alert). */
  protected readonly notice = signal('');
  protected readonly problem = signal('');

  protected say(notice: CardNotice): void {
    this.notice.set(notice.problem ? '' : notice.text);
    this.problem.set(notice.problem ? notice.text : '');
  }

  protected changeStatus(participant: ParticipantRecord): void {
    this.say({ text: '' });
    this.#dialog
      .open<ChangeStatusDialog, ChangeStatusData, ChangeStatusResult>(ChangeStatusDialog, {
        data: { participant, timeZone: this.#session.user()?.timeZone },
        width: '520px',
        maxWidth: 'calc(100vw - 32px)',
      })
      .afterClosed()
      .subscribe((result) => {
        if (!result) return;
        if ('saved' in result) {
          this.context.replace(result.saved);
          this.say({ text: $localize`Status changed to ${statusLabel(result.saved.status)}:status:.` });
        } else {
          // Someone else changed the record, or the move is no longer allowed: show what is true now.
          this.say({ text: result.conflict, problem: true });
          this.context.reload();
        }
      });
  }
}

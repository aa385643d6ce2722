import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import { SessionStore } from '@waypoint/web-auth';
import { EmptyState } from '@waypoint/web-ui';
import { ParticipantsApi, statusLabel, type ParticipantRecord } from '@waypoint/web-participant-data';
import { ChangeStatusDialog, type ChangeStatusData, type ChangeStatusResult } from '../status/change-status-dialog';
import { CrisisLinesDialog } from '../safety/crisis-lines-dialog';
import { RiskBanner } from '../safety/risk-banner';
import { ParticipantFacts } from './participant-facts';
import { loadParticipant } from './participant-loader';
import { RecentAccessCard } from './recent-access-card';

/** One participant of the caller's caseload. The tabs of later issues hang off this route. */
@Component({
  selector: 'lib-participant-page',
  imports: [ParticipantFacts, RiskBanner, RecentAccessCard, EmptyState, MatProgressSpinner, MatButton, MatIcon, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a matButton class="back" routerLink="/caseload"><mat-icon>arrow_back</mat-icon><span i18n>Caseload</span></a>
    @if (message(); as message) {
      <p class="message" [class.problem]="message.problem" [attr.role]="message.problem ? 'alert' : 'status'">{{ message.text }}</p>
    }
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
        <lib-risk-banner [participant]="state.participant" />
        <lib-participant-facts [participant]="state.participant">
          <a matButton="outlined" [routerLink]="['/participants', state.participant.id, 'plan']">
            <mat-icon>flag</mat-icon>
            <span i18n>Recovery plan</span>
          </a>
          <a matButton="outlined" [routerLink]="['/participants', state.participant.id, 'assessments']">
            <mat-icon>insights</mat-icon>
            <span i18n>Assessments</span>
          </a>
          <button matButton="outlined" type="button" (click)="openCrisisLines()">
            <mat-icon>support</mat-icon>
            <span i18n>Crisis lines</span>
          </button>
          @if (canWrite()) {
            <button matButton="outlined" type="button" (click)="changeStatus(state.participant)">
              <mat-icon>swap_horiz</mat-icon>
              <span i18n>Change status</span>
            </button>
          }
        </lib-participant-facts>
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
    .message { margin: 0 0 16px; padding: 12px 16px; border-radius: var(--mat-sys-corner-medium); background: var(--mat-sys-surface-container); }
    .message.problem { background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); }
  `,
})
export class ParticipantPage {
  readonly #api = inject(ParticipantsApi);
  readonly #session = inject(SessionStore);
  readonly #dialog = inject(MatDialog);
  /** The route's `:id`, bound by the router. */
  readonly id = input.required<string>();
  protected readonly view = loadParticipant(this.id, (id) => this.#api.get(id));
  /** Supervisors see who opened the record; others neither see the card nor ask for it. */
  protected readonly showRecentAccess = computed(() => this.#session.can('caseload:team'));
  protected readonly canWrite = computed(() => this.#session.can('participants:write'));
  /** What the last status change did, or why it was refused. */
  protected readonly message = signal<{ text: string; problem: boolean } | null>(null);

  /** 988 and the program's local lines, one click from the participant. */
  protected openCrisisLines(): void {
    this.#dialog.open(CrisisLinesDialog, { width: '480px', maxWidth: 'calc(100vw - 32px)', autoFocus: 'dialog' });
  }

  protected changeStatus(participant: ParticipantRecord): void {
    this.message.set(null);
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
          this.view.replace(result.saved);
          this.message.set({ text: $localize`Status changed to ${statusLabel(result.saved.status)}:status:.`, problem: false });
        } else {
          // Someone else changed the record, or the move is no longer allowed: show what is true now.
          this.message.set({ text: result.conflict, problem: true });
          this.view.reload();
        }
      });
  }
}

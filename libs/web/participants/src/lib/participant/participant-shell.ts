import { ChangeDetectionStrategy, Component, forwardRef, inject, input, linkedSignal, type Signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { MatTabLink, MatTabNav, MatTabNavPanel } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { ParticipantsApi, type ParticipantRecord } from '@waypoint/web-participant-data';
import { EmptyState } from '@waypoint/web-ui';
import { CrisisLinesDialog } from '../safety/crisis-lines-dialog';
import { RiskBanner } from '../safety/risk-banner';
import { ParticipantContext } from './participant-context';
import { ParticipantIdentity } from './participant-identity';
import { loadParticipant, type ParticipantState } from './participant-loader';

interface Tab {
  /** The child route's path under `/participants/:id`. */
  path: string;
  label: string;
}

/** In the order a specialist works through a record. Referrals and consents join in later issues. */
const TABS: readonly Tab[] = [
  { path: '', label: $localize`:Participant tab:Overview` },
  { path: 'notes', label: $localize`:Participant tab:Notes` },
  { path: 'timeline', label: $localize`:Participant tab:Timeline` },
  { path: 'plan', label: $localize`:Participant tab:Recovery plan` },
  { path: 'assessments', label: $localize`:Participant tab:Assessments` },
  { path: 'tasks', label: $localize`:Participant tab:Tasks` },
];

/**
 * One participant of the caller's caseload: who they are, the high-risk banner and the crisis
 * lines on every tab, and the tabs themselves (child routes). The record is loaded here once and
 * shared with the tabs through ParticipantContext.
 */
@Component({
  selector: 'lib-participant-shell',
  imports: [
    ParticipantIdentity,
    RiskBanner,
    EmptyState,
    MatButton,
    MatIcon,
    MatProgressSpinner,
    MatTabNav,
    MatTabLink,
    MatTabNavPanel,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [{ provide: ParticipantContext, useExisting: forwardRef(() => ParticipantShell) }],
  templateUrl: './participant-shell.html',
  styleUrl: './participant-shell.scss',
})
export class ParticipantShell implements ParticipantContext {
  readonly #api = inject(ParticipantsApi);
  readonly #dialog = inject(MatDialog);
  /** The route's `:id`, bound by the router. */
  readonly id = input.required<string>();

  protected readonly view = loadParticipant(this.id, (id) => this.#api.get(id));
  protected readonly tabs = TABS;

  /**
   * While the same participant is read again (after a conflict), the header and the open tab
   * stay as they are rather than giving way to a spinner and losing what the tab had loaded.
   */
  readonly participant: Signal<ParticipantRecord | null> = linkedSignal<ParticipantState, ParticipantRecord | null>({
    source: this.view.state,
    computation: (state, previous) => {
      if (state.kind === 'loaded') return state.participant;
      const shown = previous?.value;
      return state.kind === 'loading' && shown && shown.id === this.id() ? shown : null;
    },
  });

  replace(participant: ParticipantRecord): void {
    this.view.replace(participant);
  }

  reload(): void {
    this.view.reload();
  }

  /** The tab's link: absolute, so it means the same from whichever tab it is followed. */
  protected link(tab: Tab): string[] {
    return tab.path ? ['/participants', this.id(), tab.path] : ['/participants', this.id()];
  }

  /** 988 and the program's local lines, one click from every tab. */
  protected openCrisisLines(): void {
    this.#dialog.open(CrisisLinesDialog, { width: '480px', maxWidth: 'calc(100vw - 32px)', autoFocus: 'dialog' });
  }
}

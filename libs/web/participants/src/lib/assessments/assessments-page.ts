import { Location } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { BARC10_THRESHOLD } from '@waypoint/shared-contracts';
import { SessionStore } from '@waypoint/web-auth';
import { AssessmentsApi, displayName, ParticipantsApi } from '@waypoint/web-participant-data';
import { EmptyState, PageHeader } from '@waypoint/web-ui';
import { participantFromShell } from '../participant/participant-context';
import { compareAssessments, signed } from './assessment-comparison';
import { AssessmentTrendChart } from './assessment-trend-chart';
import { loadAssessments } from './assessments-loader';
import { CalendarDatePipe } from '../shared/calendar-date.pipe';

/** What the form leaves in the navigation state after saving, for the page to announce. */
export interface RecordedAssessmentState {
  recordedTotal?: number;
}

/**
 * A participant's BARC-10 history: the total over time against the 47 threshold, the list of
 * assessments, and an item-by-item comparison of two of them.
 */
@Component({
  selector: 'lib-assessments-page',
  imports: [
    AssessmentTrendChart,
    CalendarDatePipe,
    EmptyState,
    PageHeader,
    MatButton,
    MatIcon,
    MatProgressSpinner,
    MatFormField,
    MatLabel,
    MatSelect,
    MatOption,
    RouterLink,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './assessments-page.html',
  styleUrl: './assessments-page.scss',
})
export class AssessmentsPage {
  readonly #session = inject(SessionStore);
  readonly #participants = inject(ParticipantsApi);
  readonly #assessments = inject(AssessmentsApi);
  /** The route's `:id`, bound by the router. */
  readonly id = input.required<string>();

  protected readonly view = loadAssessments(this.id, {
    participant: participantFromShell((id) => this.#participants.get(id)),
    history: (id) => this.#assessments.history(id),
  });
  protected readonly canWrite = computed(() => this.#session.can('participants:write'));
  protected readonly threshold = BARC10_THRESHOLD;
  protected readonly signed = signed;
  /** Said once after the form brings the person back here. */
  protected readonly recordedTotal = (inject(Location).getState() as RecordedAssessmentState | null)?.recordedTotal ?? null;

  protected readonly description = computed(() => {
    const state = this.view.state();
    if (state.kind !== 'loaded') return '';
    return $localize`${displayName(state.participant)}:name: · BARC-10, the Brief Assessment of Recovery Capital`;
  });

  protected readonly history = computed(() => {
    const state = this.view.state();
    return state.kind === 'loaded' ? state.history : [];
  });

  /** The two assessments compared: by default the latest and the one before it. */
  protected readonly laterId = linkedSignal(() => this.history()[0]?.id ?? null);
  protected readonly earlierId = linkedSignal(() => this.history()[1]?.id ?? null);

  protected readonly comparison = computed(() => {
    const history = this.history();
    const a = history.find((item) => item.id === this.earlierId());
    const b = history.find((item) => item.id === this.laterId());
    return a && b && a.id !== b.id ? compareAssessments(a, b) : null;
  });
}

import { ChangeDetectionStrategy, Component, computed, inject, input, LOCALE_ID } from '@angular/core';
import { BARC10_MAX_TOTAL, BARC10_MIN_TOTAL, BARC10_THRESHOLD } from '@waypoint/shared-contracts';
import type { AssessmentRecord } from '@waypoint/web-participant-data';
import { CategoryScale, type ChartConfiguration, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { BaseChartDirective, provideCharts } from 'ng2-charts';
import { chronological } from './assessment-comparison';
import { formatCalendarDate } from '../shared/calendar-date.pipe';

/** The theme's teal and amber (Chart.js draws on a canvas, so it cannot read CSS variables). */
const TOTAL_COLOR = '#00695c';
const THRESHOLD_COLOR = '#8d5a00';

/**
 * The BARC-10 total over time, with the 47 threshold as a dashed line. Only the Chart.js pieces a
 * line chart needs are registered (a smaller bundle); Chart.js draws locally and loads nothing.
 * The canvas is hidden from assistive technology: the history table beside it carries the same
 * numbers, and the summary below is what a screen reader hears.
 */
@Component({
  selector: 'lib-assessment-trend-chart',
  imports: [BaseChartDirective],
  providers: [provideCharts({ registerables: [LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Tooltip] })],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <figure class="figure">
      <div class="canvas" aria-hidden="true">
        <canvas baseChart type="line" [data]="data()" [options]="options"></canvas>
      </div>
      <figcaption class="caption">{{ summary() }}</figcaption>
    </figure>
  `,
  styles: `
    :host { display: block; }
    .figure { margin: 0; }
    .canvas { position: relative; height: 280px; }
    .caption { margin-block-start: 8px; font: var(--mat-sys-body-medium); color: var(--mat-sys-on-surface-variant); }
  `,
})
export class AssessmentTrendChart {
  readonly #format = new Intl.DateTimeFormat(inject(LOCALE_ID), { dateStyle: 'medium', timeZone: 'UTC' });
  /** The history, in any order. */
  readonly history = input.required<readonly AssessmentRecord[]>();

  protected readonly data = computed<ChartConfiguration<'line'>['data']>(() => {
    const points = chronological(this.history());
    return {
      labels: points.map((point) => formatCalendarDate(point.takenOn, this.#format)),
      datasets: [
        {
          label: $localize`:Chart series:BARC-10 total`,
          data: points.map((point) => point.total),
          borderColor: TOTAL_COLOR,
          backgroundColor: TOTAL_COLOR,
          borderWidth: 3,
          pointRadius: 5,
          pointHoverRadius: 7,
          tension: 0.2,
        },
        {
          label: $localize`:Chart series:Threshold (${BARC10_THRESHOLD}:threshold:)`,
          data: points.map(() => BARC10_THRESHOLD),
          borderColor: THRESHOLD_COLOR,
          backgroundColor: THRESHOLD_COLOR,
          borderDash: [8, 6],
          borderWidth: 2,
          pointRadius: 0,
          pointHoverRadius: 0,
        },
      ],
    };
  });

  protected readonly options: ChartConfiguration<'line'>['options'] = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    scales: {
      y: { min: BARC10_MIN_TOTAL, max: BARC10_MAX_TOTAL, ticks: { stepSize: 10 }, title: { display: true, text: $localize`:Chart axis:Total (10–60)` } },
      x: { ticks: { maxRotation: 0, autoSkip: true } },
    },
    plugins: {
      legend: { position: 'bottom', labels: { usePointStyle: true, boxWidth: 8, boxHeight: 8 } },
      tooltip: { mode: 'index', intersect: false },
    },
  };

  protected readonly summary = computed(() => {
    const points = chronological(this.history());
    const first = points[0];
    const last = points[points.length - 1];
    if (!first || !last) return '';
    const lastDate = formatCalendarDate(last.takenOn, this.#format);
    if (points.length === 1) {
      return $localize`One assessment so far: ${last.total}:total: on ${lastDate}:date:. The dashed line marks ${BARC10_THRESHOLD}:threshold:, the threshold associated with sustained recovery.`;
    }
    const firstDate = formatCalendarDate(first.takenOn, this.#format);
    return $localize`${points.length}:count: assessments, from ${first.total}:first: on ${firstDate}:firstDate: to ${last.total}:last: on ${lastDate}:lastDate:. The dashed line marks ${BARC10_THRESHOLD}:threshold:, the threshold associated with sustained recovery.`;
  });
}

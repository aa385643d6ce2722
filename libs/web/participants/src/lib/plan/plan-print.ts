import { ChangeDetectionStrategy, Component, computed, input, ViewEncapsulation } from '@angular/core';
import { GoalDimensions, PART2_NOTICE_SHORT } from '@waypoint/shared-contracts';
import type { Goal } from '@waypoint/web-participant-data';
import { CalendarDatePipe } from '../shared/calendar-date.pipe';
import { DIMENSIONS, goalStatusLabel } from './plan-labels';

/**
 * The plan as the participant takes it home: their name, the date, and each goal with its steps
 * as boxes to tick and its target date. Hidden on screen; in print it is the only thing on the page.
 * Active and achieved goals are printed; revised and discontinued ones are history, not the plan.
 *
 * Encapsulation is off because printing must also hide the app shell around this page. Every
 * rule sits in `@media print` and applies only while a `.plan-print` is on the page.
 */
@Component({
  selector: 'lib-plan-print',
  imports: [CalendarDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  template: `
    <div class="plan-print">
      <!--
        A layout table only so the printed pages have room for the footer: Chromium repeats a
        <tfoot> at the bottom of every page, and its empty cell keeps the plan clear of the
        fixed footer below, which prints on every page.
      -->
      <table class="plan-print-pages" role="presentation">
        <tfoot>
          <tr>
            <td><div class="plan-print-footer-space"></div></td>
          </tr>
        </tfoot>
        <tbody>
          <tr>
            <td>
              <header class="plan-print-head">
                <h1 class="plan-print-title" i18n>Recovery plan — {{ participantName() }}</h1>
                <p class="plan-print-date" i18n>Printed {{ printedOn() | calendarDate: 'long' }}</p>
              </header>
              @for (section of sections(); track section.dimension) {
                <section class="plan-print-dimension">
                  <h2>{{ section.title }}</h2>
                  <p class="plan-print-description">{{ section.description }}</p>
                  @for (goal of section.goals; track goal.id) {
                    <div class="plan-print-goal">
                      <p class="plan-print-statement"><q>{{ goal.statement }}</q></p>
                      <p class="plan-print-facts">
                        @if (goal.targetDate) {
                          <span i18n>Target date: {{ goal.targetDate | calendarDate: 'long' }}</span>
                        }
                        @if (goal.status !== 'active') {
                          <span>{{ statusLabel(goal.status) }}</span>
                        }
                      </p>
                      @if (goal.steps.length > 0) {
                        <ul class="plan-print-steps">
                          @for (step of goal.steps; track step.id) {
                            <li [class.done]="!!step.doneAt">
                              <span class="plan-print-box" aria-hidden="true">{{ step.doneAt ? '✓' : '' }}</span>{{ step.description }}
                            </li>
                          }
                        </ul>
                      }
                    </div>
                  } @empty {
                    <p class="plan-print-none" i18n>No goals here yet.</p>
                  }
                </section>
              }
            </td>
          </tr>
        </tbody>
      </table>
      <!-- On every printed page (see plan-print.scss): a handed-out plan is a Part 2 record. -->
      <footer class="plan-print-footer" [attr.data-notice-version]="part2Notice.version">{{ part2Notice.text }}</footer>
    </div>
  `,
  styleUrl: './plan-print.scss',
})
export class PlanPrint {
  readonly participantName = input.required<string>();
  readonly goals = input.required<readonly Goal[]>();
  /** Today, YYYY-MM-DD, in the signed-in person's time zone. */
  readonly printedOn = input.required<string>();

  /** §2.32 Statement 2, quoted from the one versioned copy in shared contracts, never retyped here. */
  protected readonly part2Notice = PART2_NOTICE_SHORT;
  protected readonly statusLabel = goalStatusLabel;
  protected readonly sections = computed(() =>
    GoalDimensions.map((dimension) => ({
      dimension,
      ...DIMENSIONS[dimension],
      goals: this.goals().filter((goal) => goal.dimension === dimension && (goal.status === 'active' || goal.status === 'achieved')),
    })),
  );
}

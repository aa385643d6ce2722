import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatIcon } from '@angular/material/icon';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { MatProgressBar } from '@angular/material/progress-bar';
import type { Goal } from '@waypoint/web-participant-data';
import { PlanActions } from './plan-actions';
import { CalendarDatePipe } from '../shared/calendar-date.pipe';
import { goalStatusLabel, STATUS_ICONS } from './plan-labels';

/** One goal on its dimension's card: the participant's words, steps to tick, and how far along it feels. */
@Component({
  selector: 'lib-plan-goal',
  imports: [MatButton, MatIconButton, MatCheckbox, MatIcon, MatMenu, MatMenuItem, MatMenuTrigger, MatProgressBar, CalendarDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './plan-goal.html',
  styleUrl: './plan-goal.scss',
})
export class PlanGoal {
  protected readonly actions = inject(PlanActions);
  readonly goal = input.required<Goal>();
  /** Whether the signed-in person may change the plan. */
  readonly canWrite = input(false);

  protected readonly statusLabel = goalStatusLabel;
  protected readonly statusIcons = STATUS_ICONS;
  protected readonly active = computed(() => this.goal().status === 'active');
  protected readonly stepsDone = computed(() => this.goal().steps.filter((step) => step.doneAt).length);
  protected readonly latest = computed(() => this.goal().progress[0] ?? null);
  protected readonly progressLabel = computed(() => $localize`Latest progress: ${this.latest()?.rating ?? 0}:rating: of 10`);
  protected readonly earlier = computed(() => this.goal().progress.slice(1));
  /** Whether the goal's target date has passed while it is still active. */
  protected readonly overdue = computed(() => {
    const { targetDate, status } = this.goal();
    return status === 'active' && !!targetDate && targetDate < new Date().toISOString().slice(0, 10);
  });
}

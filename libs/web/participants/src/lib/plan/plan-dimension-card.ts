import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import type { Goal, GoalDimension } from '@waypoint/web-participant-data';
import { PlanActions } from './plan-actions';
import { PlanGoal } from './plan-goal';
import { DIMENSIONS } from './plan-labels';

/** One of SAMHSA's four dimensions: what it means, how its goals stand, and the goals themselves. */
@Component({
  selector: 'lib-plan-dimension-card',
  imports: [MatCard, MatCardContent, MatButton, MatIcon, MatProgressBar, PlanGoal],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined" class="card" role="region" [attr.aria-labelledby]="'dimension-' + dimension()">
      <header class="head">
        <div class="badge" [class]="'badge-' + dimension()" aria-hidden="true"><mat-icon>{{ words().icon }}</mat-icon></div>
        <div class="titles">
          <h2 class="title" [id]="'dimension-' + dimension()">{{ words().title }}</h2>
          <p class="description">{{ words().description }}</p>
        </div>
      </header>
      <div class="summary">
        @if (goals().length > 0) {
          <p class="counts" i18n>{active(), plural, =0 {No active goals} =1 {1 active} other {{{ active() }} active}} · {achieved(), plural, =0 {none achieved yet} other {{{ achieved() }} achieved}}</p>
          @if (stepsTotal() > 0) {
            <mat-progress-bar mode="determinate" [value]="stepsPercent()" [attr.aria-label]="stepsLabel()" />
            <p class="steps-done" aria-hidden="true" i18n>{{ stepsDone() }} of {{ stepsTotal() }} steps done</p>
          }
        }
      </div>
      <mat-card-content class="goals">
        @for (goal of goals(); track goal.id) {
          <lib-plan-goal [goal]="goal" [canWrite]="canWrite()" />
        } @empty {
          <p class="empty" i18n>No {{ words().title }} goals yet.</p>
        }
      </mat-card-content>
      @if (canWrite()) {
        <div class="card-actions">
          <button matButton="outlined" type="button" (click)="actions.addGoal(dimension())">
            <mat-icon>add</mat-icon><span i18n>Add a {{ words().title }} goal</span>
          </button>
        </div>
      }
    </mat-card>
  `,
  styleUrl: './plan-dimension-card.scss',
})
export class PlanDimensionCard {
  protected readonly actions = inject(PlanActions);
  readonly dimension = input.required<GoalDimension>();
  /** This dimension's goals, in the order to show them. */
  readonly goals = input.required<readonly Goal[]>();
  /** Whether the signed-in person may change the plan. */
  readonly canWrite = input(false);

  protected readonly words = computed(() => DIMENSIONS[this.dimension()]);
  protected readonly active = computed(() => this.goals().filter((goal) => goal.status === 'active').length);
  protected readonly achieved = computed(() => this.goals().filter((goal) => goal.status === 'achieved').length);
  /** Steps of the active goals: what is still being worked on. */
  protected readonly activeSteps = computed(() => this.goals().filter((goal) => goal.status === 'active').flatMap((goal) => goal.steps));
  protected readonly stepsTotal = computed(() => this.activeSteps().length);
  protected readonly stepsDone = computed(() => this.activeSteps().filter((step) => step.doneAt).length);
  protected readonly stepsLabel = computed(() => $localize`${this.words().title}:dimension:: ${this.stepsDone()}:done: of ${this.stepsTotal()}:total: steps done`);
  protected readonly stepsPercent = computed(() => (this.stepsTotal() ? Math.round((100 * this.stepsDone()) / this.stepsTotal()) : 0));
}

import { ChangeDetectionStrategy, Component, computed, forwardRef, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import type { ComponentType } from '@angular/cdk/portal';
import { GoalDimensions } from '@waypoint/shared-contracts';
import { SessionStore } from '@waypoint/web-auth';
import { displayName, type Goal, type GoalDimension, type GoalStep, ParticipantsApi, RecoveryPlanApi } from '@waypoint/web-participant-data';
import { EmptyState, PageHeader } from '@waypoint/web-ui';
import { participantFromShell } from '../participant/participant-context';
import { todayIn } from '../status/calendar-date';
import { GoalDialog } from './goal-dialog';
import { GoalStatusDialog } from './goal-status-dialog';
import { PlanActions } from './plan-actions';
import { PlanDimensionCard } from './plan-dimension-card';
import { PLAN_DIALOG_SIZE, type PlanDialogData, type PlanDialogResult, problemText } from './plan-dialogs';
import { dimensionTitle, goalStatusLabel } from './plan-labels';
import { PlanPrint } from './plan-print';
import { isConflict, loadPlan } from './plan-state';
import { ProgressDialog } from './progress-dialog';
import { StepDialog } from './step-dialog';

/**
 * A participant's recovery plan: one card per SAMHSA dimension with its goals, steps to tick and
 * progress, and a printed copy for the participant to keep.
 */
@Component({
  selector: 'lib-recovery-plan-page',
  imports: [PlanDimensionCard, PlanPrint, EmptyState, PageHeader, MatButton, MatIcon, MatProgressSpinner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [{ provide: PlanActions, useExisting: forwardRef(() => RecoveryPlanPage) }],
  templateUrl: './recovery-plan-page.html',
  styleUrl: './recovery-plan-page.scss',
})
export class RecoveryPlanPage implements PlanActions {
  readonly #session = inject(SessionStore);
  readonly #participants = inject(ParticipantsApi);
  readonly #plans = inject(RecoveryPlanApi);
  readonly #dialog = inject(MatDialog);
  /** The route's `:id`, bound by the router. */
  readonly id = input.required<string>();

  protected readonly view = loadPlan(this.id, {
    participant: participantFromShell((id) => this.#participants.get(id)),
    plan: (id) => this.#plans.plan(id),
  });
  protected readonly canWrite = computed(() => this.#session.can('participants:write'));
  protected readonly dimensions = GoalDimensions;
  protected readonly today = computed(() => todayIn(this.#session.user()?.timeZone));

  protected readonly loaded = computed(() => {
    const state = this.view.state();
    return state.kind === 'loaded' ? state : null;
  });
  protected readonly name = computed(() => {
    const loaded = this.loaded();
    return loaded ? displayName(loaded.participant) : '';
  });
  protected readonly description = computed(() => $localize`${this.name()}:name:'s goals, in their own words, across the four dimensions of recovery.`);
  protected readonly goalsByDimension = computed(() => {
    const goals = this.loaded()?.goals ?? [];
    return Object.fromEntries(GoalDimensions.map((dimension) => [dimension, goals.filter((goal) => goal.dimension === dimension)])) as Record<
      GoalDimension,
      Goal[]
    >;
  });

  /** What the last change did (role=status), or why it failed (role=alert). */
  protected readonly notice = signal('');
  protected readonly problem = signal('');
  readonly #savingSteps = signal<ReadonlySet<string>>(new Set());

  isSaving(stepId: string): boolean {
    return this.#savingSteps().has(stepId);
  }

  print(): void {
    window.print();
  }

  addGoal(dimension?: GoalDimension): void {
    this.#open(GoalDialog, { dimension }, (goal) => $localize`Goal added to ${dimensionTitle(goal.dimension)}:dimension:.`);
  }

  editGoal(goal: Goal): void {
    this.#open(GoalDialog, { goal }, () => $localize`Goal saved.`);
  }

  changeStatus(goal: Goal): void {
    this.#open(GoalStatusDialog, { goal }, (saved) => $localize`Goal marked ${goalStatusLabel(saved.status)}:status:.`);
  }

  addStep(goal: Goal): void {
    this.#open(StepDialog, { goal }, () => $localize`Step added.`);
  }

  recordProgress(goal: Goal): void {
    this.#open(ProgressDialog, { goal }, (saved) => $localize`Progress recorded: ${saved.progress[0]?.rating ?? ''}:rating: of 10.`);
  }

  /**
   * Ticks at once and tells the API; takes the tick back if the API refuses. A stale version
   * means someone else changed the goal, so the plan is read again rather than guessed at.
   */
  toggleStep(goal: Goal, step: GoalStep, done: boolean): void {
    if (this.isSaving(step.id)) return;
    this.#say('');
    const previous = step.doneAt;
    this.view.setStepDone(goal.id, step.id, done ? new Date().toISOString() : null);
    this.#savingSteps.update((ids) => new Set(ids).add(step.id));
    const settle = () =>
      this.#savingSteps.update((ids) => {
        const next = new Set(ids);
        next.delete(step.id);
        return next;
      });
    this.#plans.updateStep(step.id, { done, version: step.version }).subscribe({
      next: (saved) => {
        settle();
        this.view.putGoal(saved);
        this.#say(done ? $localize`Step done: ${step.description}:step:.` : $localize`Step marked not done: ${step.description}:step:.`);
      },
      error: (error: unknown) => {
        settle();
        this.view.setStepDone(goal.id, step.id, previous);
        if (isConflict(error)) {
          this.#say($localize`This goal was changed by someone else. The plan has been reloaded; check the step and try again.`, true);
          this.view.refresh();
        } else {
          this.#say(problemText(error) ?? $localize`The step could not be saved. Try again.`, true);
        }
      },
    });
  }

  #open<C>(component: ComponentType<C>, data: Omit<PlanDialogData, 'participantId' | 'timeZone'>, saidWhenSaved: (goal: Goal) => string): void {
    this.#say('');
    this.#dialog
      .open<C, PlanDialogData, PlanDialogResult>(component, {
        ...PLAN_DIALOG_SIZE,
        data: { ...data, participantId: this.id(), timeZone: this.#session.user()?.timeZone },
      })
      .afterClosed()
      .subscribe((result) => {
        if (!result) return;
        if ('saved' in result) {
          this.view.putGoal(result.saved);
          this.#say(saidWhenSaved(result.saved));
        } else {
          this.#say(result.conflict, true);
          this.view.refresh();
        }
      });
  }

  #say(text: string, problem = false): void {
    this.notice.set(problem ? '' : text);
    this.problem.set(problem ? text : '');
  }
}

import type { Goal, GoalDimension, GoalStep } from '@waypoint/web-participant-data';

/**
 * What a goal on the plan page can ask for. The page provides it, so cards and goals stay
 * presentational and every change goes through one place that announces its outcome.
 */
export abstract class PlanActions {
  abstract addGoal(dimension?: GoalDimension): void;
  abstract toggleStep(goal: Goal, step: GoalStep, done: boolean): void;
  abstract recordProgress(goal: Goal): void;
  abstract addStep(goal: Goal): void;
  abstract editGoal(goal: Goal): void;
  abstract changeStatus(goal: Goal): void;
  /** Whether a tick of this step is still on its way to the API. */
  abstract isSaving(stepId: string): boolean;
}

import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Audited } from '@waypoint/api-audit';
import { type AuthContext, CurrentUser, RequirePermission } from '@waypoint/api-auth';
import { AddStepDto, ChangeGoalStatusDto, CreateGoalDto, RecordProgressDto, ReorderStepsDto, UpdateGoalDto, UpdateStepDto } from './plan-input.dto';
import { RecoveryPlanStore } from './recovery-plan.store';

const id = () => new ParseUUIDPipe();

/**
 * A participant's recovery plan. Goals and steps are addressed by their own ids (one id per
 * route); each is reached only through its participant's care-team scope. Every change answers
 * with the whole goal as it now is.
 */
@ApiTags('recovery plans')
@RequirePermission('participants:write')
@Controller()
export class RecoveryPlanController {
  constructor(private readonly plans: RecoveryPlanStore) {}

  @Get('participants/:id/plan')
  @RequirePermission('participants:read')
  @Audited({ action: 'plan.read', resourceType: 'participant', idParam: 'id', participantParam: 'id' })
  plan(@CurrentUser() auth: AuthContext, @Param('id', id()) participantId: string) {
    return this.plans.plan(auth, participantId);
  }

  @Post('participants/:id/goals')
  @Audited({ action: 'goal.create', resourceType: 'goal', participantParam: 'id' })
  createGoal(@CurrentUser() auth: AuthContext, @Param('id', id()) participantId: string, @Body() body: CreateGoalDto) {
    return this.plans.createGoal(auth, participantId, body);
  }

  @Patch('goals/:id')
  @Audited({ action: 'goal.update', resourceType: 'goal', idParam: 'id' })
  updateGoal(@CurrentUser() auth: AuthContext, @Param('id', id()) goalId: string, @Body() body: UpdateGoalDto) {
    return this.plans.updateGoal(auth, goalId, body);
  }

  @Post('goals/:id/status')
  @HttpCode(200)
  @Audited({ action: 'goal.status-change', resourceType: 'goal', idParam: 'id' })
  changeStatus(@CurrentUser() auth: AuthContext, @Param('id', id()) goalId: string, @Body() body: ChangeGoalStatusDto) {
    return this.plans.changeGoalStatus(auth, goalId, body);
  }

  @Post('goals/:id/steps')
  @Audited({ action: 'goal.step-add', resourceType: 'goal_step' })
  addStep(@CurrentUser() auth: AuthContext, @Param('id', id()) goalId: string, @Body() body: AddStepDto) {
    return this.plans.addStep(auth, goalId, body);
  }

  @Post('goals/:id/steps/order')
  @HttpCode(200)
  @Audited({ action: 'goal.steps-reorder', resourceType: 'goal', idParam: 'id' })
  reorderSteps(@CurrentUser() auth: AuthContext, @Param('id', id()) goalId: string, @Body() body: ReorderStepsDto) {
    return this.plans.reorderSteps(auth, goalId, body);
  }

  @Patch('goal-steps/:id')
  @Audited({ action: 'goal.step-update', resourceType: 'goal_step', idParam: 'id' })
  updateStep(@CurrentUser() auth: AuthContext, @Param('id', id()) stepId: string, @Body() body: UpdateStepDto) {
    return this.plans.updateStep(auth, stepId, body);
  }

  @Post('goals/:id/progress')
  @Audited({ action: 'goal.progress', resourceType: 'goal_progress' })
  recordProgress(@CurrentUser() auth: AuthContext, @Param('id', id()) goalId: string, @Body() body: RecordProgressDto) {
    return this.plans.recordProgress(auth, goalId, body);
  }
}

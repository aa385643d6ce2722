import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Audited } from '@waypoint/api-audit';
import { type AuthContext, CurrentUser, RequirePermission } from '@waypoint/api-auth';
import { CreateTaskDto, ListTasksQuery, UpdateTaskDto } from './task.dto';
import { TasksStore } from './tasks.store';

@ApiTags('tasks')
@RequirePermission('participants:write')
@Controller()
export class TasksController {
  constructor(private readonly tasks: TasksStore) {}

  /** My tasks: open ones by due date, the overdue first. */
  @Get('tasks')
  @RequirePermission('participants:read')
  @Audited({ action: 'task.list', resourceType: 'task' })
  mine(@CurrentUser() auth: AuthContext, @Query() query: ListTasksQuery) {
    return this.tasks.mine(auth, query);
  }

  @Get('participants/:id/tasks')
  @RequirePermission('participants:read')
  @Audited({ action: 'task.list', resourceType: 'participant', idParam: 'id', participantParam: 'id' })
  forParticipant(@CurrentUser() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string, @Query() query: ListTasksQuery) {
    return this.tasks.forParticipant(auth, id, query);
  }

  @Post('participants/:id/tasks')
  @Audited({ action: 'task.create', resourceType: 'task', participantParam: 'id' })
  create(@CurrentUser() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: CreateTaskDto) {
    return this.tasks.create(auth, id, body);
  }

  /** Change a task or mark it done (or not done again). */
  @Patch('tasks/:id')
  @Audited({ action: 'task.update', resourceType: 'task', idParam: 'id' })
  update(@CurrentUser() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateTaskDto) {
    return this.tasks.update(auth, id, body);
  }
}

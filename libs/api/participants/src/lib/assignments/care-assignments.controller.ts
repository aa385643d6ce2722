import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Audited } from '@waypoint/api-audit';
import { type AuthContext, CurrentUser, RequirePermission } from '@waypoint/api-auth';
import { CreateAssignmentDto } from '../intake/participant-input.dto';
import { AssignableSpecialists } from './assignable-specialists';
import { CareAssignmentsStore } from './care-assignments.store';

/** Who carries a participant (history kept) and the assigning of them. */
@ApiTags('care assignments')
@Controller()
export class CareAssignmentsController {
  constructor(
    private readonly assignments: CareAssignmentsStore,
    private readonly specialists: AssignableSpecialists,
  ) {}

  @Get('participants/:id/assignments')
  @RequirePermission('participants:read')
  @Audited({ action: 'assignment.list', resourceType: 'participant', idParam: 'id', participantParam: 'id' })
  history(@CurrentUser() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.assignments.history(auth, id);
  }

  /** Assign (primary or secondary), or transfer the primary assignment on a date. */
  @Post('participants/:id/assignments')
  @RequirePermission('participants:assign')
  @Audited({ action: 'assignment.create', resourceType: 'care_assignment', participantParam: 'id' })
  assign(@CurrentUser() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: CreateAssignmentDto) {
    return this.assignments.assign(auth, id, body);
  }

  /** The people the caller may assign participants to, with their current caseload size. */
  @Get('care-team/specialists')
  @RequirePermission('participants:assign')
  @Audited({ action: 'care-team.specialists', resourceType: 'user' })
  async assignable(@CurrentUser() auth: AuthContext) {
    return { items: await this.specialists.list(auth) };
  }
}

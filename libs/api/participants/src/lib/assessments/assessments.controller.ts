import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Audited } from '@waypoint/api-audit';
import { type AuthContext, CurrentUser, RequirePermission } from '@waypoint/api-auth';
import { AssessmentsStore } from './assessments.store';
import { RecordAssessmentDto } from './record-assessment.dto';

/** A participant's BARC-10 assessments: the history (for the trend) and recording a new one. */
@ApiTags('assessments')
@Controller('participants/:id/assessments')
export class AssessmentsController {
  constructor(private readonly assessments: AssessmentsStore) {}

  @Get()
  @RequirePermission('participants:read')
  @Audited({ action: 'assessment.list', resourceType: 'assessment', participantParam: 'id' })
  history(@CurrentUser() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.assessments.history(auth, id);
  }

  @Post()
  @RequirePermission('participants:write')
  @Audited({ action: 'assessment.create', resourceType: 'assessment', participantParam: 'id' })
  record(@CurrentUser() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: RecordAssessmentDto) {
    return this.assessments.record(auth, id, body);
  }
}

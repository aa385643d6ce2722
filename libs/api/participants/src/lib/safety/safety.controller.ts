import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Audited, NotAudited } from '@waypoint/api-audit';
import { type AuthContext, CurrentUser, RequirePermission } from '@waypoint/api-auth';
import { APP_CONFIG, type AppConfig } from '@waypoint/api-config';
import { RecordSafetyEventDto, SetRiskFlagDto } from './safety.dto';
import { SafetyStore } from './safety.store';

/** The US crisis line, always first; local lines come from CRISIS_LOCAL_RESOURCES. */
const NATIONAL = [{ name: '988 Suicide & Crisis Lifeline', phone: '988', note: 'Call or text, 24/7' }];

@ApiTags('safety')
@Controller()
export class SafetyController {
  constructor(
    private readonly safety: SafetyStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('participants/:id/safety-events')
  @RequirePermission('participants:read')
  @Audited({ action: 'safety.list', resourceType: 'participant', idParam: 'id', participantParam: 'id' })
  list(@CurrentUser() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.safety.list(auth, id);
  }

  /** Records an event; an overdose also raises the high-risk flag and tells the supervisors. */
  @Post('participants/:id/safety-events')
  @RequirePermission('participants:write')
  @Audited({ action: 'safety.record', resourceType: 'safety_event', participantParam: 'id' })
  record(@CurrentUser() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: RecordSafetyEventDto) {
    return this.safety.record(auth, id, body);
  }

  @Post('participants/:id/risk-flag')
  @HttpCode(200)
  @RequirePermission('participants:write')
  @Audited({ action: 'participant.risk-flag', resourceType: 'participant', idParam: 'id', participantParam: 'id' })
  setFlag(@CurrentUser() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: SetRiskFlagDto) {
    return this.safety.setFlag(auth, id, body);
  }

  /** Static: no participant data, so any signed-in user may read it, one click from any page. */
  @Get('crisis-resources')
  @NotAudited('Static crisis lines from the configuration: no protected data')
  @RequirePermission('session:own')
  crisisResources() {
    return { items: [...NATIONAL, ...this.config.access.crisisResources] };
  }
}

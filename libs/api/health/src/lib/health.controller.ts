import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { NotAudited } from '@waypoint/api-audit';
import { Public } from '@waypoint/api-auth';
import type { HealthStatus } from '@waypoint/shared-contracts';

/**
 * Probes for load balancers and orchestrators, outside `/api/v1` and without sign-in:
 * liveness says the process answers, readiness says it can reach its database.
 */
@ApiTags('health')
@Public()
@Controller('api')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
  ) {}

  @Get('health')
  @NotAudited('Liveness probe: reads nothing')
  @ApiOkResponse({ description: 'The process is alive.' })
  liveness(): HealthStatus {
    return { status: 'ok' };
  }

  @Get('ready')
  @NotAudited('Readiness probe: pings the database, reads no rows')
  @HealthCheck()
  @ApiOkResponse({ description: 'The database answers; the API can serve requests.' })
  @ApiServiceUnavailableResponse({ description: 'The database does not answer.' })
  async readiness(): Promise<HealthStatus> {
    try {
      const result = await this.health.check([() => this.database.pingCheck('database', { timeout: 2000 })]);
      return { status: 'ok', info: result.info as HealthStatus['info'] };
    } catch {
      throw new ServiceUnavailableException('The database does not answer.');
    }
  }
}

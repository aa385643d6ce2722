import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { type AppConfig, ConfigModule } from '@waypoint/api-config';
import { AuditModule } from '@waypoint/api-audit';
import { AuditReportModule } from '@waypoint/api-audit-report';
import { AuthModule } from '@waypoint/api-auth';
import { DatabaseModule } from '@waypoint/api-database';
import { HealthModule } from '@waypoint/api-health';
import { ParticipantsModule } from '@waypoint/api-participants';
import { UsersModule } from '@waypoint/api-users';
import { loggerOptions, ProblemDetailsFilter } from '@waypoint/api-http';
import { LoggerModule } from 'nestjs-pino';

/** Wires the feature modules; holds no logic of its own. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerOptions(config.logLevel)),
        DatabaseModule.forRoot(databaseUrl),
        AuditModule,
        AuthModule,
        HealthModule,
        UsersModule,
        ParticipantsModule,
        AuditReportModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ProblemDetailsFilter }],
    };
  }
}

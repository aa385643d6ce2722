import { Module } from '@nestjs/common';
import { AuthModule } from '@waypoint/api-auth';
import { ParticipantsModule } from '@waypoint/api-participants';
import { AuditReportController } from './audit-report.controller';
import { AuditReportQuery } from './audit-report.query';

@Module({ imports: [AuthModule, ParticipantsModule], controllers: [AuditReportController], providers: [AuditReportQuery] })
export class AuditReportModule {}

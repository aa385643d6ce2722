import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditInterceptor } from './audit.interceptor';
import { AuditWriter } from './audit-writer';
import { AuditChainService } from './chain/audit-chain.service';
import { AuditMaintenance } from './chain/audit-maintenance';

/** The trail: the writer every module uses, the global interceptor, verification and upkeep. */
@Global()
@Module({
  providers: [AuditWriter, AuditChainService, AuditMaintenance, { provide: APP_INTERCEPTOR, useClass: AuditInterceptor }],
  exports: [AuditWriter, AuditChainService],
})
export class AuditModule {}

export * from './lib/audit-report.module';

export * from './lib/audit.models';
export * from './lib/audit-api';
export * from './lib/audit-labels';

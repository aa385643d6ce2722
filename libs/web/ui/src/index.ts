export * from './lib/confirm-dialog/confirm-dialog';
export * from './lib/date-time/date-time.pipe';
export * from './lib/empty-state/empty-state';
export * from './lib/logo/logo';
export * from './lib/page-header/page-header';
export * from './lib/role/role-label';
export * from './lib/risk-badge/risk-badge';

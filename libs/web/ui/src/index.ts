export * from './lib/empty-state/empty-state';
export * from './lib/logo/logo';
export * from './lib/page-header/page-header';

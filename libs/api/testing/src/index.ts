export * from './lib/test-database';
export * from './lib/test-config';
export * from './lib/test-users';
export * from './lib/test-participants';
export * from './lib/free-port';

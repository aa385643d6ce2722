export * from './lib/database-roles';
export * from './lib/data-source-options';
export * from './lib/database.module';
export * from './lib/embedded-server';
export * from './lib/prepare-database';
export * from './lib/update-returning';
export * from './lib/transaction-scope';
export * from './lib/program-clock';

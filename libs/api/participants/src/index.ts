export * from './lib/participants.module';
export * from './lib/access/participants.repository';
export * from './lib/access/participant-scope';
export * from './lib/access/sql-params';

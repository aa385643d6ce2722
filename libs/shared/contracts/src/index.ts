export * from './lib/problem-details';
export * from './lib/roles';
export * from './lib/health';
export * from './lib/permissions';
export * from './lib/participants';
export * from './lib/assessments';
export * from './lib/timeline';

export * from './lib/participants.routes';
export * from './lib/caseload/caseload-page';

export * from './lib/participants.routes';
export * from './lib/caseload/caseload-page';
export * from './lib/tasks/my-tasks-page';
export * from './lib/notifications/notifications-page';
export * from './lib/cosign/cosign.routes';

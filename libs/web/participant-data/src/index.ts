export * from './lib/participants.models';
export * from './lib/participants-api';
export * from './lib/participant-labels';
export * from './lib/emergency-access.store';
export * from './lib/participant-intake.models';
export * from './lib/participant-problems';

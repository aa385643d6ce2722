export * from './lib/time-zones';
export * from './lib/wall-clock';

export * from './lib/time-zones';

export * from './lib/api-testing';

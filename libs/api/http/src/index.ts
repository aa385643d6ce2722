export * from './lib/api-http';

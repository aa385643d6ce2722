export * from './lib/seed-demo';
export { DEMO_PASSWORD, DEMO_USERS, DEMO_PROGRAM } from './lib/demo-people';

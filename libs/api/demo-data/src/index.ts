export * from './lib/seed-demo';
export { DEMO_PASSWORD, DEMO_TOTP_SECRET, DEMO_USERS, DEMO_PROGRAM } from './lib/demo-people';

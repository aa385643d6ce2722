export * from './lib/users.module';
export * from './lib/create-user.command';

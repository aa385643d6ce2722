export * from './lib/auth.module';
export * from './lib/guard/auth-context';
export * from './lib/guard/route-declarations';
export * from './lib/guard/route-inventory';
export * from './lib/session/access-token';
export * from './lib/session/auth-cookies';
export * from './lib/session/csrf';
export * from './lib/session/session.store';

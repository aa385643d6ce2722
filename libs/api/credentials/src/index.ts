export * from './lib/credentials/password-hasher';
export * from './lib/credentials/password-policy';
export * from './lib/mfa/secret-box';
export * from './lib/mfa/totp';
export * from './lib/mfa/recovery-codes';

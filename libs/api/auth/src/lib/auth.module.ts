import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { APP_CONFIG, type AppConfig } from '@waypoint/api-config';
import { DataSource } from 'typeorm';
import { PgThrottlerStorage } from './throttling/pg-throttler.storage';
import { ApiTokenStore } from './api-tokens/api-token.store';
import { ApiTokensController } from './api-tokens/api-tokens.controller';
import { AuthController } from './auth.controller';
import { AuthGuard } from './guard/auth.guard';
import { SecurityEvents } from './security/security-events';
import { SessionStore } from './session/session.store';
import { AccountStore } from './sign-in/account.store';
import { PasswordChangeService } from './sign-in/password-change.service';
import { ProfileQuery } from './sign-in/profile.query';
import { SignInService } from './sign-in/sign-in.service';

/** Registers the guard globally: every route of every module is protected unless `@Public()`. */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG, DataSource],
      useFactory: (config: AppConfig, db: DataSource) => ({
        // Named 'default' so the standard Retry-After header is sent (other names get a suffix).
        throttlers: [{ name: 'default', ttl: 60_000, limit: config.sessions.signInRequestsPerMinute }],
        storage: new PgThrottlerStorage(db),
      }),
    }),
  ],
  controllers: [AuthController, ApiTokensController],
  providers: [SessionStore, SecurityEvents, ApiTokenStore, AccountStore, SignInService, ProfileQuery, PasswordChangeService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [SessionStore, SecurityEvents],
})
export class AuthModule {}

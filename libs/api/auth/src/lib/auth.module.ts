import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth.controller';
import { AuthGuard } from './guard/auth.guard';
import { SessionStore } from './session/session.store';
import { AccountStore } from './sign-in/account.store';
import { PasswordChangeService } from './sign-in/password-change.service';
import { ProfileQuery } from './sign-in/profile.query';
import { SignInService } from './sign-in/sign-in.service';

/** Registers the guard globally: every route of every module is protected unless `@Public()`. */
@Module({
  controllers: [AuthController],
  providers: [SessionStore, AccountStore, SignInService, ProfileQuery, PasswordChangeService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [SessionStore],
})
export class AuthModule {}

import { UnauthorizedException } from '@nestjs/common';

/**
 * One answer for every failed sign-in (unknown email, wrong password, disabled or locked
 * account), so the response never tells an attacker which accounts exist.
 */
export const SIGN_IN_FAILED = 'The email or password is incorrect, or the account is temporarily locked.';
export const CODE_FAILED = 'The code is not valid. Use the current code from your authenticator app, or a recovery code.';

export const signInFailed = () => new UnauthorizedException(SIGN_IN_FAILED);
export const codeFailed = () => new UnauthorizedException(CODE_FAILED);

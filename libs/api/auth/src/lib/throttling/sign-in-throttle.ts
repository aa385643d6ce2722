import { applyDecorators, UseGuards } from '@nestjs/common';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';

/**
 * Per-client-IP limit on the unauthenticated auth routes (sign-in, MFA, enrollment, refresh),
 * on top of the per-account lockout. Limits come from configuration (ThrottlerModule in
 * AuthModule); the counters live in PostgreSQL so replicas share them.
 */
export const SignInThrottle = () => applyDecorators(UseGuards(ThrottlerGuard));

export { SkipThrottle };

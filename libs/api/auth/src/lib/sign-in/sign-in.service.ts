import { ConflictException, Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@waypoint/api-config';
import {
  hashPassword,
  hashRecoveryCode,
  needsRehash,
  newRecoveryCodes,
  newTotpSecret,
  open,
  seal,
  totpUri,
  verifyPassword,
  verifyTotp,
} from '@waypoint/api-credentials';
import { toString as qrSvg } from 'qrcode';
import { signToken, verifyToken } from '../session/access-token';
import { SecurityEvents } from '../security/security-events';
import { AccountStore, type SignInAccount } from './account.store';
import { codeFailed, signInFailed } from './sign-in.errors';

const MFA_CHALLENGE_SECONDS = 5 * 60;

/**
 * The two sign-in steps. A password alone never yields a session: it yields a five-minute,
 * single-purpose MFA challenge (a signed cookie), and only a good TOTP or recovery code turns
 * that into a session.
 */
@Injectable()
export class SignInService {
  constructor(
    private readonly accounts: AccountStore,
    private readonly events: SecurityEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async checkPassword(email: string, password: string): Promise<{ challenge: string; mfaEnrolled: boolean }> {
    const account = await this.accounts.byEmail(email);
    if (!account || !account.active) {
      await verifyPassword(undefined, password); // same cost as a real check: no timing oracle
      await this.events.record('auth.password', 'denied', account ? actorOf(account) : {});
      throw signInFailed();
    }
    const matches = await verifyPassword(account.passwordHash, password);
    if (account.locked) {
      await this.events.record('auth.password', 'denied', { ...actorOf(account), resourceId: 'locked' });
      throw signInFailed();
    }
    if (!matches) {
      await this.#failed(account, 'auth.password');
      throw signInFailed();
    }
    const upgraded = account.passwordHash && needsRehash(account.passwordHash) ? await hashPassword(password) : undefined;
    await this.accounts.recordSuccess(account.id, upgraded);
    await this.events.record('auth.password', 'success', actorOf(account));
    const challenge = signToken(this.config.secrets.jwtSecret, { sub: account.id }, MFA_CHALLENGE_SECONDS, 'mfa');
    return { challenge, mfaEnrolled: account.mfaEnabled };
  }

  /** First sign-in without MFA: a new secret, shown once as a QR code and as text. */
  async startEnrollment(challenge: string | undefined) {
    const account = await this.accountFor(challenge);
    if (account.mfaEnabled) throw new ConflictException('Two-step verification is already set up for this account.');
    const secret = newTotpSecret();
    await this.accounts.storePendingMfaSecret(account.id, seal(this.config.secrets.encryptionKey, secret, account.id));
    const uri = totpUri(secret, account.email);
    return { secret, otpauthUri: uri, qrSvg: await qrSvg(uri, { type: 'svg', margin: 1 }) };
  }

  /**
   * Checks the second factor. Returns the account and, on the first successful code of an
   * enrollment, ten recovery codes to show once.
   */
  async checkSecondFactor(
    challenge: string | undefined,
    answer: { code?: string; recoveryCode?: string },
  ): Promise<{ account: SignInAccount; recoveryCodes?: string[] }> {
    const account = await this.accountFor(challenge);
    if (answer.recoveryCode && account.mfaEnabled) {
      if (!(await this.accounts.useRecoveryCode(account.id, hashRecoveryCode(answer.recoveryCode)))) {
        await this.#failed(account, 'auth.mfa');
        throw codeFailed();
      }
      await this.accounts.recordSuccess(account.id);
      await this.events.record('auth.sign-in', 'success', { ...actorOf(account), resourceId: 'recovery-code' });
      return { account };
    }
    if (!answer.code || !account.mfaSecret) {
      await this.events.record('auth.mfa', 'denied', actorOf(account));
      throw codeFailed();
    }
    const secret = open(this.config.secrets.encryptionKey, account.mfaSecret, account.id);
    const result = verifyTotp(secret, answer.code, account.mfaLastStep);
    const claim = result.valid ? await this.accounts.claimTotpStep(account.id, result.timeStep) : undefined;
    if (!claim?.claimed) {
      await this.#failed(account, 'auth.mfa');
      throw codeFailed();
    }
    await this.accounts.recordSuccess(account.id);
    await this.events.record('auth.sign-in', 'success', actorOf(account));
    if (!claim.firstEnrollment) return { account };
    const recoveryCodes = newRecoveryCodes();
    await this.accounts.replaceRecoveryCodes(account, recoveryCodes.map(hashRecoveryCode));
    return { account, recoveryCodes };
  }

  private async accountFor(challenge: string | undefined): Promise<SignInAccount> {
    const claims = challenge ? verifyToken<{ sub: string }>(this.config.secrets.jwtSecret, challenge, 'mfa') : undefined;
    const account = claims ? await this.accounts.byId(claims.sub) : undefined;
    if (!account || !account.active || account.locked) {
      await this.events.record('auth.mfa', 'denied', account ? actorOf(account) : {});
      throw codeFailed();
    }
    return account;
  }

  /** A wrong password or code: counted, recorded, and the lockout it may start recorded too. */
  async #failed(account: SignInAccount, action: 'auth.password' | 'auth.mfa'): Promise<void> {
    const { lockedNow } = await this.accounts.recordFailure(account.id);
    await this.events.record(action, 'denied', actorOf(account));
    if (lockedNow) await this.events.record('auth.lockout', 'denied', actorOf(account));
  }
}

function actorOf(account: SignInAccount) {
  return { programId: account.programId, actorId: account.id, actorRole: account.role, resourceType: 'user' };
}

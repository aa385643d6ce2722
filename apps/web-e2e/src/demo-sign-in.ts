import { expect, type APIRequestContext, type Page, test } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { authenticator } from 'otplib';

/** The demo program's accounts (libs/api/demo-data): one password and one TOTP secret for all. */
export const DEMO_PASSWORD = 'Waypoint-Demo-2026!';
export const DEMO_TOTP_SECRET = 'KRUGS4ZANFZSAYJAMRSW233UN52HA2LO';
export const DEMO = {
  specialist: 'specialist@demo.waypoint.test',
  sam: 'sam.okafor@demo.waypoint.test',
  supervisor: 'supervisor@demo.waypoint.test',
  clinician: 'clinician@demo.waypoint.test',
  admin: 'admin@demo.waypoint.test',
} as const;

const STEP_MS = 30_000;

/**
 * The last step each user signed in with, kept in the run's output folder rather than in memory:
 * Playwright replaces the worker after a failed test, and a new worker that forgot the step
 * would sign the next test in with a code the API has just seen, failing it too.
 */
const lastStepUsed = {
  file: (email: string) => join(test.info().project.outputDir, '.totp-steps', email),
  get(email: string): number | undefined {
    try {
      return Number(readFileSync(this.file(email), 'utf8'));
    } catch {
      return undefined;
    }
  },
  set(email: string, step: number): void {
    mkdirSync(join(test.info().project.outputDir, '.totp-steps'), { recursive: true });
    writeFileSync(this.file(email), String(step));
  },
};

/**
 * A TOTP code this user has not used yet. The API refuses a code from a 30-second step the user
 * already signed in with (replay protection), so a second sign-in of the same user within one
 * step waits for the next step, and the test's time limit grows by that wait.
 */
export async function freshCode(email: string, secret = DEMO_TOTP_SECRET): Promise<string> {
  let step = Math.floor(Date.now() / STEP_MS);
  const last = lastStepUsed.get(email);
  if (last !== undefined && last >= step) {
    const wait = (last + 1) * STEP_MS - Date.now() + 500;
    test.info().setTimeout(test.info().timeout + wait);
    await new Promise((resolve) => setTimeout(resolve, wait));
    step = Math.floor(Date.now() / STEP_MS);
  }
  lastStepUsed.set(email, step);
  return authenticator.generate(secret);
}

/** Signs in through the page, as a person would: password, then the authenticator code. */
export async function signInThroughPage(page: Page, email: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Two-step verification', level: 1 })).toBeVisible();
  await page.getByLabel('6-digit code').fill(await freshCode(email));
  await page.getByRole('button', { name: 'Verify' }).click();
}

/**
 * Signs in with API calls only (the browser context's cookie jar receives the session), for
 * tests whose subject is not the sign-in page.
 */
export async function signInThroughApi(request: APIRequestContext, email: string): Promise<void> {
  const password = await request.post('/api/v1/auth/sign-in', { data: { email, password: DEMO_PASSWORD } });
  expect(password.status(), await password.text()).toBe(200);
  const verify = await request.post('/api/v1/auth/mfa/verify', { data: { code: await freshCode(email) } });
  expect(verify.status(), await verify.text()).toBe(200);
}

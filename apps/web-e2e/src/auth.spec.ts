import { expect, type Page, test } from '@playwright/test';
import { authenticator } from 'otplib';
import { DEMO, DEMO_PASSWORD, signInThroughApi, signInThroughPage } from './demo-sign-in';
import { expectAccessible, watchPage } from './page-checks';
import { PHONE, snap, snapBothWidths } from './screenshots';

const accountMenu = (page: Page, name: string) => page.getByRole('button', { name: new RegExp(`^${name},.*account menu$`) });

test.describe('signing in and out', () => {
  test('a specialist signs in with a code, lands on their caseload, sees their sessions and signs out', async ({ page }) => {
    const checks = watchPage(page);
    checks.expectRefusal(401, /\/api\/v1\/auth\/sign-in$/); // the mistyped password below

    await page.goto('/caseload');
    await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Fcaseload$/);
    await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
    await snapBothWidths(page, 'sign-in-password');
    await expectAccessible(page);

    // A wrong password is answered inside the card, with the server's (deliberately vague) words.
    await page.getByLabel('Email').fill(DEMO.specialist);
    await page.getByLabel('Password', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('The email or password is incorrect');

    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Two-step verification', level: 1 })).toBeVisible();
    await expect(page.getByLabel('6-digit code')).toBeFocused();
    await expect(page.getByLabel('6-digit code')).toHaveAttribute('autocomplete', 'one-time-code');
    await snapBothWidths(page, 'sign-in-code');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await expect(page.getByLabel('Recovery code')).toBeFocused();
    await snap(page, 'sign-in-recovery-code-1280');
    await page.getByRole('button', { name: 'Use a code from your app instead' }).click();
    await page.getByRole('button', { name: 'Start over' }).click();
    await expect(page.getByLabel('Email')).toBeFocused();

    await signInThroughPage(page, DEMO.specialist);
    await expect(page).toHaveURL(/\/caseload$/);
    await expect(page.getByRole('heading', { name: 'Caseload', level: 1 })).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link')).toHaveText([/Caseload$/, /My tasks$/, /Referrals$/]);
    // Jordan's caseload: the participants assigned to them, each a link to the record.
    const caseload = page.getByRole('table', { name: 'Participants' });
    await expect(caseload.getByRole('link')).toHaveCount(7);
    await expect(caseload.getByRole('link', { name: 'Dani Ortiz' })).toBeVisible();
    await expect(caseload).not.toContainText('Kevin'); // Sam's participant, not Jordan's
    await snapBothWidths(page, 'caseload-signed-in');
    await expectAccessible(page);
    await caseload.getByRole('link', { name: 'Marcus Bell' }).click();
    await expect(page.getByRole('heading', { name: 'Marcus Bell', level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Recovery' })).toBeVisible();
    await snapBothWidths(page, 'participant');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Caseload' }).first().click();
    await expect(page.getByRole('heading', { name: 'Caseload', level: 1 })).toBeVisible();

    await accountMenu(page, 'Jordan Avery').click();
    await expect(page.getByRole('menuitem', { name: 'Sign out' })).toBeVisible();
    await snap(page, 'user-menu-1280');
    await expectAccessible(page);
    await page.getByRole('menuitem', { name: 'Your sessions' }).click();

    await expect(page.getByRole('heading', { name: 'Your sessions', level: 1 })).toBeVisible();
    await expect(page.getByText('This browser')).toBeVisible();
    await snapBothWidths(page, 'sessions');
    await expectAccessible(page);

    await accountMenu(page, 'Jordan Avery').click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole('status')).toContainText('You have signed out.');
    // The session is gone on the server too: a protected page sends us back to sign in.
    await page.goto('/caseload');
    await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Fcaseload$/);
    checks.expectClean();
  });

  test('at phone width a clinician signs in, uses the account menu and the change-password page', async ({ page }) => {
    await page.setViewportSize(PHONE);
    const checks = watchPage(page);
    await page.goto('/sign-in');
    await signInThroughPage(page, DEMO.clinician);
    // Referrals, a clinician's only destination, is still coming: they start on the page that
    // says what they can use today, and the navigation still shows what is planned.
    await expect(page).toHaveURL(/\/start$/);
    await expect(page.getByRole('heading', { name: 'Welcome, Dr. Priya Raman', level: 1 })).toBeVisible();
    await page.getByRole('button', { name: 'Main menu' }).click();
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText([/Referrals$/]);
    // Escape closes the drawer from inside it: wait until the opened drawer has taken the focus (on
    // a busy machine an Escape pressed before that reached the page behind and the drawer stayed).
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Referrals$/ })).toBeFocused();
    await page.keyboard.press('Escape');
    // Wait for the drawer to be gone: on a busy machine a click during its closing was caught by it.
    await expect(page.locator('mat-sidenav.mat-drawer-opened')).toHaveCount(0);

    await accountMenu(page, 'Dr. Priya Raman').click();
    await expect(page.getByRole('menuitem', { name: 'Change password' })).toBeVisible();
    await snap(page, 'user-menu-390');
    await page.getByRole('menuitem', { name: 'Change password' }).click();

    await expect(page.getByRole('heading', { name: 'Change password', level: 1 })).toBeVisible();
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByText('Enter your current password.')).toBeVisible();
    await page.getByLabel('New password', { exact: true }).fill('short');
    await page.getByLabel('Confirm new password').fill('different');
    await expect(page.getByText('Use at least 12 characters.')).toBeVisible();
    await snapBothWidths(page, 'change-password');
    await expectAccessible(page);

    // A protected page the role may not use shows "not available", not a blank screen.
    await page.goto('/admin/users');
    await expect(page.getByRole('heading', { name: 'Not available to you', level: 1 })).toBeVisible();
    await expectAccessible(page);
    checks.expectClean();
  });

  test('a page opened without a session returns there after signing in', async ({ page }) => {
    const checks = watchPage(page);
    await page.goto('/account/sessions');
    await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Faccount%2Fsessions$/);
    await signInThroughPage(page, DEMO.supervisor);
    await expect(page.getByRole('heading', { name: 'Your sessions', level: 1 })).toBeVisible();
    // Let the shell's own requests (the emergency-access banner's) finish: a full page load
    // would abort them, and an aborted request counts as a failure here.
    await page.waitForLoadState('networkidle');
    await page.goto('/sign-in');
    await expect(page).toHaveURL(/\/caseload$/); // already signed in: no second sign-in page
    checks.expectClean();
  });
});

test.describe('user administration', () => {
  test('an admin disables a specialist, whose open session stops working at once', async ({ page, browser }) => {
    test.setTimeout(90_000);
    // Sam is already at work in another browser.
    const samContext = await browser.newContext();
    const samPage = await samContext.newPage();
    const samChecks = watchPage(samPage);
    await signInThroughApi(samContext.request, DEMO.sam);
    await samPage.goto('/caseload');
    await expect(samPage.getByRole('heading', { name: 'Caseload', level: 1 })).toBeVisible();

    const checks = watchPage(page);
    await page.goto('/sign-in');
    await signInThroughPage(page, DEMO.admin);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    await expect(page).toHaveURL(/\/admin\/users$/);
    await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
    const samRow = page.getByRole('row').filter({ hasText: DEMO.sam });
    await expect(samRow).toContainText('Active');
    await snapBothWidths(page, 'admin-users');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Actions for Sam Okafor' }).click();
    await page.getByRole('menuitem', { name: 'Disable' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Disable Sam Okafor?' });
    await expect(confirm).toBeVisible();
    await snap(page, 'admin-confirm-disable-1280');
    await expectAccessible(page);
    await confirm.getByRole('button', { name: 'Disable' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Sam Okafor is disabled' })).toBeVisible();
    await expect(samRow).toContainText('Disabled');

    // Sam's next call is refused; the refresh is refused too, and he lands on sign-in.
    samChecks.expectRefusal(401, /\/api\/v1\/auth\/sessions$/);
    samChecks.expectRefusal(401, /\/api\/v1\/auth\/refresh$/);
    // The top bar's bell asks for the unread count on navigation (at most once a minute).
    samChecks.expectRefusal(401, /\/api\/v1\/notifications$/);
    await accountMenu(samPage, 'Sam Okafor').click();
    await samPage.getByRole('menuitem', { name: 'Your sessions' }).click();
    await expect(samPage).toHaveURL(/\/sign-in\?returnTo=%2Faccount%2Fsessions$/);
    await expect(samPage.getByRole('status')).toContainText('Your session has ended');
    await snap(samPage, 'session-ended-1280');
    // And he cannot sign in again while disabled.
    samChecks.expectRefusal(401, /\/api\/v1\/auth\/sign-in$/);
    await samPage.getByLabel('Email').fill(DEMO.sam);
    await samPage.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await samPage.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(samPage.getByRole('alert')).toContainText('The email or password is incorrect');
    samChecks.expectClean();
    await samContext.close();

    // Enabled again, so the demo stays usable.
    await page.getByRole('button', { name: 'Actions for Sam Okafor' }).click();
    await page.getByRole('menuitem', { name: 'Enable' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Enable' }).click();
    await expect(samRow).toContainText('Active');
    checks.expectClean();
  });

  test('an admin adds a user, who sets up two-step verification at first sign-in', async ({ page, browser }) => {
    test.setTimeout(90_000);
    const email = `taylor.reed.${Date.now()}@demo.waypoint.test`;
    const checks = watchPage(page);
    await page.goto('/sign-in');
    await signInThroughPage(page, DEMO.admin);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();

    await page.getByRole('button', { name: 'Add user' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a user' });
    // Typing before the dialog has placed focus would send the text to whichever field it picks.
    await expect(dialog.getByLabel('Email')).toBeFocused();
    await dialog.getByLabel('Email').fill(email);
    await dialog.getByLabel('Display name').fill('Taylor Reed');
    await dialog.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: 'Peer recovery specialist' }).click();
    await dialog.getByRole('combobox', { name: 'Team' }).click();
    await page.getByRole('option', { name: 'Northside Peer Team' }).click();
    await snap(page, 'admin-create-user-1280');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Add user' }).click();

    const created = page.getByRole('dialog', { name: 'Taylor Reed can now sign in' });
    await expect(created).toBeVisible();
    const temporaryPassword = (await created.getByLabel('Temporary password').textContent())?.trim() ?? '';
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(12);
    await snap(page, 'admin-temporary-password-1280');
    await created.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByRole('row').filter({ hasText: email })).toContainText('Not yet');

    // Taylor's first sign-in: enrollment with the key shown on the page, then the recovery codes.
    const taylorContext = await browser.newContext();
    const taylor = await taylorContext.newPage();
    const taylorChecks = watchPage(taylor);
    await taylor.goto('/sign-in');
    await taylor.getByLabel('Email').fill(email);
    await taylor.getByLabel('Password', { exact: true }).fill(temporaryPassword);
    await taylor.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(taylor.getByRole('heading', { name: 'Set up two-step verification', level: 1 })).toBeVisible();
    await expect(taylor.getByRole('img', { name: /QR code/ })).toBeVisible();
    await snapBothWidths(taylor, 'sign-in-enrollment');
    await expectAccessible(taylor);
    const secret = ((await taylor.locator('code.secret').textContent()) ?? '').replace(/\s+/g, '');
    await taylor.getByLabel('6-digit code').fill(authenticator.generate(secret));
    await taylor.getByRole('button', { name: 'Verify' }).click();

    await expect(taylor.getByRole('heading', { name: 'Save your recovery codes', level: 1 })).toBeVisible();
    await expect(taylor.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem')).toHaveCount(10);
    await snapBothWidths(taylor, 'sign-in-recovery-codes');
    await expectAccessible(taylor);
    await taylor.getByRole('button', { name: 'Continue to Waypoint' }).click();
    await expect(taylor.getByRole('alert')).toContainText('tick the box');
    await taylor.getByRole('checkbox', { name: 'I have saved these codes somewhere safe' }).check();
    await taylor.getByRole('button', { name: 'Continue to Waypoint' }).click();
    await expect(taylor.getByRole('heading', { name: 'Caseload', level: 1 })).toBeVisible();
    taylorChecks.expectClean();
    await taylorContext.close();
    checks.expectClean();
  });
});

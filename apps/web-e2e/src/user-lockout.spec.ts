import { expect, test } from '@playwright/test';
import { DEMO, signInThroughPage } from './demo-sign-in';
import { expectAccessible, watchPage } from './page-checks';
import { snapBothWidths } from './screenshots';

/** A demo specialist no other journey signs in as, so locking them out disturbs nothing else. */
const CHRIS = 'chris.patel@demo.waypoint.test';

test.describe('a locked-out user', () => {
  test('shows as locked until a time, not "Active"; an admin unlocks them and they sign in again', async ({ page, browser, request }) => {
    test.setTimeout(90_000);
    // Six wrong passwords in a row lock the account (each answer is the same generic 401).
    for (let attempt = 1; attempt <= 6; attempt++) {
      const answer = await request.post('/api/v1/auth/sign-in', { data: { email: CHRIS, password: `not the password ${attempt}` } });
      expect(answer.status()).toBe(401);
    }

    const checks = watchPage(page);
    await page.goto('/sign-in');
    await signInThroughPage(page, DEMO.admin);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: CHRIS });
    await expect(row).toContainText(/Locked until [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}/);
    await expect(row).not.toContainText('Active');
    await snapBothWidths(page, 'admin-users-locked');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Actions for Chris Patel' }).click();
    await page.getByRole('menuitem', { name: 'Unlock' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Unlock Chris Patel?' });
    await expect(confirm).toBeVisible();
    await expectAccessible(page);
    await confirm.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Chris Patel is unlocked' })).toBeVisible();
    await expect(row).toContainText('Active');
    checks.expectClean();

    // Chris can sign in again at once.
    const chrisContext = await browser.newContext();
    const chrisPage = await chrisContext.newPage();
    await chrisPage.goto('/sign-in');
    await signInThroughPage(chrisPage, CHRIS);
    await expect(chrisPage.getByRole('heading', { name: 'Caseload', level: 1 })).toBeVisible();
    await chrisContext.close();
  });
});

import { expect, test } from '@playwright/test';
import { DEMO, signInThroughPage } from './demo-sign-in';
import { dialogOpened } from './dialogs';
import { expectAccessible, watchPage } from './page-checks';
import { snap, snapBothWidths } from './screenshots';

test.describe('personal API tokens', () => {
  test('an admin issues a token for a script, the script uses it, and revoking it stops it at once', async ({ page, playwright, baseURL }) => {
    const checks = watchPage(page);
    await page.goto('/admin/api-tokens');
    await signInThroughPage(page, DEMO.admin);
    await expect(page.getByRole('heading', { name: 'API tokens', level: 1 })).toBeVisible();
    await snapBothWidths(page, 'admin-api-tokens-empty');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Issue token' }).click();
    const dialog = await dialogOpened(page.getByRole('dialog'));
    await dialog.getByLabel('User').click();
    await page.getByRole('option', { name: /Jordan Avery/ }).click();
    await dialog.getByLabel('Name').fill('Nightly caseload export');
    await dialog.getByRole('button', { name: 'Issue token' }).click();
    await expect(dialog.getByRole('heading', { name: 'Copy the token now' })).toBeVisible();
    const secret = (await dialog.locator('code.secret').textContent())?.trim() ?? '';
    expect(secret).toMatch(/^wpt_/);
    await snap(page, 'admin-api-token-secret-1280');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Done' }).click();

    // A script, with no browser session: only the Bearer token.
    const script = await playwright.request.newContext({ baseURL });
    const asScript = () => script.get('/api/v1/participants', { headers: { Authorization: `Bearer ${secret}` } });
    const before = await asScript();
    expect(before.status()).toBe(200);
    expect((await before.json()).items.length).toBe(7); // Jordan's caseload

    const row = page.getByRole('row', { name: /Nightly caseload export/ });
    await expect(row).toContainText('Active');
    await snapBothWidths(page, 'admin-api-tokens');
    await row.getByRole('button', { name: 'Revoke Nightly caseload export' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Revoke' }).click();
    await expect(row).toContainText('Revoked');
    expect((await asScript()).status()).toBe(401);
    await script.dispose();
    checks.expectClean();
  });
});

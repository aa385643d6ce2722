import { expect, test } from '@playwright/test';
import { DEMO, signInThroughPage } from './demo-sign-in';
import { dialogOpened } from './dialogs';
import { expectAccessible, watchPage } from './page-checks';
import { snap, snapBothWidths } from './screenshots';

test.describe('emergency (break-glass) access', () => {
  test('an admin opens a participant in an emergency, sees contact details only, and a supervisor reviews it', async ({ page, browser }) => {
    const checks = watchPage(page);
    await page.goto('/emergency-access');
    await signInThroughPage(page, DEMO.admin);
    await expect(page.getByRole('heading', { name: 'Emergency access', level: 1 })).toBeVisible();
    await snapBothWidths(page, 'emergency-access-request');
    await expectAccessible(page);

    // An admin has no care-team scope: the everyday participant routes stay closed.
    const everyday = await page.request.get('/api/v1/participants');
    expect(everyday.status()).toBe(403);

    await page.getByLabel('Last name').fill('Bell');
    await page.getByLabel('Date of birth').fill('1988-03-14');
    await page.getByLabel('Reason').fill('Marcus is at the front desk in crisis; Jordan is unreachable and we need his contact plan.');
    await page.getByRole('button', { name: 'Open with emergency access' }).click();

    await expect(page).toHaveURL(/\/emergency-access\/participants\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { name: 'Marcus Bell', level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Contact' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Recovery' })).toHaveCount(0);
    await expect(page.getByText('Recovery details are not shown to administrators')).toBeVisible();
    const banner = page.getByRole('region', { name: 'Emergency access' });
    await expect(banner).toContainText('Emergency access to Marcus Bell until');
    await snapBothWidths(page, 'emergency-access-record');
    await expectAccessible(page);

    // The banner follows the admin everywhere until the grant ends.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Admin$/ }).click();
    await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
    await expect(banner).toBeVisible();
    checks.expectClean();

    const context = await browser.newContext();
    const supervisor = await context.newPage();
    const supervisorChecks = watchPage(supervisor);
    await supervisor.goto('/emergency-access/reviews');
    await signInThroughPage(supervisor, DEMO.supervisor);
    await expect(supervisor.getByRole('heading', { name: 'Emergency access reviews', level: 1 })).toBeVisible();
    const row = supervisor.getByRole('row', { name: /Alex Kim/ });
    await expect(row).toContainText('MB');
    await expect(row).toContainText('Marcus is at the front desk in crisis');
    await expect(row).not.toContainText('Marcus Bell');
    await snapBothWidths(supervisor, 'emergency-access-reviews');
    await expectAccessible(supervisor);

    await row.getByRole('button', { name: 'Acknowledge the access by Alex Kim' }).click();
    const dialog = await dialogOpened(supervisor.getByRole('dialog', { name: 'Acknowledge emergency access' }));
    await dialog.getByLabel('Review note (optional)').fill('Called the front desk: confirmed.');
    await snap(supervisor, 'emergency-access-acknowledge-1280');
    await expectAccessible(supervisor);
    await dialog.getByRole('button', { name: 'Acknowledge', exact: true }).click();
    await expect(supervisor.getByRole('status').filter({ hasText: 'Acknowledged' })).toContainText('Acknowledged the emergency access by Alex Kim.');
    await expect(supervisor.getByText('Nothing waiting for review')).toBeVisible();

    await supervisor.getByRole('radio', { name: 'All' }).or(supervisor.getByRole('button', { name: 'All', exact: true })).first().click();
    await expect(supervisor.getByRole('row', { name: /Alex Kim/ })).toContainText('Reviewed by Maria Delgado');
    supervisorChecks.expectClean();
    await context.close();
  });
});

import { expect, test } from '@playwright/test';
import { DEMO, signInThroughPage } from './demo-sign-in';
import { expectAccessible, watchPage } from './page-checks';
import { snap, snapBothWidths } from './screenshots';

test.describe('participant intake', () => {
  test('a specialist is warned about a duplicate, takes in a new person, and enrolls them', async ({ page }) => {
    const checks = watchPage(page);
    // A newer duplicate check (or leaving the page) cancels one still on its way.
    checks.allowCancelled(/\/api\/v1\/participants\/duplicate-check$/);
    await page.goto('/caseload');
    await signInThroughPage(page, DEMO.specialist);
    await page.getByRole('link', { name: 'New participant' }).click();
    await expect(page.getByRole('heading', { name: 'New participant', level: 1 })).toBeVisible();
    await expect(page.getByText('protected under 42 CFR Part 2')).toBeVisible();

    // Dani Ortiz is already in Jordan's caseload: intake says so and offers her record.
    await page.getByLabel('Legal first name').fill('Dani');
    await page.getByLabel('Legal last name').fill('Ortiz');
    await page.getByLabel('Date of birth').fill('1995-07-02');
    await page.getByLabel('Phone (optional)', { exact: true }).focus(); // leaving the date field runs the check
    const warning = page.getByRole('region', { name: 'This person may already be on record' });
    await expect(warning).toContainText('Dani O.');
    await expect(warning.getByRole('link', { name: 'Open record' })).toBeVisible();
    await snapBothWidths(page, 'intake-duplicate-warning');
    await expectAccessible(page);

    // Tasha Robinson is Sam Okafor's: Jordan learns only that a match exists and whom to ask.
    await page.getByLabel('Legal first name').fill('Tasha');
    await page.getByLabel('Legal last name').fill('Robinson');
    await page.getByLabel('Date of birth').fill('1990-04-21');
    await page.getByLabel('Phone (optional)', { exact: true }).focus();
    await expect(warning).toContainText('Check with their care team rather than adding them twice.');
    await expect(warning).toContainText('A likely match in another care team');
    await expect(warning).toContainText('ask Sam Okafor (peer specialist) or Maria Delgado (supervisor)');
    await expect(warning).not.toContainText('Tasha R.');
    await expect(warning.getByRole('link')).toHaveCount(0);
    await snapBothWidths(page, 'intake-duplicate-elsewhere');
    await expectAccessible(page);

    // Someone new instead.
    await page.getByLabel('Legal first name').fill('Robin');
    await page.getByLabel('Legal last name').fill('Osei');
    await page.getByLabel('Preferred name (optional)').fill('Rob');
    await page.getByLabel('Pronouns (optional)').fill('he/him');
    await page.getByLabel('Date of birth').fill('1993-03-03');
    await page.getByLabel('Phone (optional)', { exact: true }).fill('555-010-4321');
    await expect(warning).toHaveCount(0);
    await page.getByRole('checkbox', { name: 'OK to text' }).check();
    await page.getByRole('checkbox', { name: 'SMART Recovery' }).check();
    await page.getByRole('checkbox', { name: 'Medication for OUD/AUD' }).check();
    await page.getByLabel('Referral source (optional)').fill('Emergency department, St. Vincent');
    await page.getByLabel('Emergency contact name (optional)').fill('Ama Osei');
    await page.getByLabel('Emergency contact phone (optional)').fill('555-010-8765');
    await page.getByLabel('Relationship (optional)').fill('Mother');
    await page.getByLabel('Intake notes (optional)').fill('Wants help finding a morning NA meeting near work.');
    await snap(page, 'intake-filled-1280');
    await page.getByRole('button', { name: 'Add participant' }).click();

    await expect(page).toHaveURL(/\/participants\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { name: 'Rob Osei', level: 1 })).toBeVisible();
    await expect(page.getByText('Ama Osei')).toBeVisible();
    await expect(page.getByText('Referred', { exact: true }).first()).toBeVisible();

    await page.getByRole('button', { name: 'Change status' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change status' });
    await dialog.getByRole('radio', { name: 'Active' }).check();
    await snap(page, 'intake-change-status-1280');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Change status' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByText('Active', { exact: true }).first()).toBeVisible();
    await snapBothWidths(page, 'intake-new-participant');
    await expectAccessible(page);

    // The new person is in Jordan's caseload.
    await page.goto('/caseload');
    await expect(page.getByText('Rob Osei').first()).toBeVisible();
    checks.expectClean();
  });
});

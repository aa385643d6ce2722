import { expect, test } from '@playwright/test';
import { DEMO, signInThroughPage } from './demo-sign-in';
import { expectAccessible, watchPage } from './page-checks';
import { snapBothWidths } from './screenshots';

test.describe('my tasks and the high-risk flag', () => {
  test('a specialist sees the overdue follow-up first, completes one, and sees who is flagged high risk', async ({ page }) => {
    const checks = watchPage(page);
    await page.goto('/caseload');
    await signInThroughPage(page, DEMO.specialist);
    // Ashley's overdose (seeded) raised the flag; it shows beside her name in the caseload.
    const ashley = page.getByRole('row', { name: /Ashley Nguyen/ });
    await expect(ashley).toContainText('High risk');
    await expect(page.getByRole('row', { name: /Terrence Walker/ })).not.toContainText('High risk');

    // On her record the flag is a banner that says why, and crisis lines are one click away.
    await ashley.getByRole('link', { name: 'Ashley Nguyen' }).click();
    await expect(page.getByRole('note', { name: 'High risk' })).toContainText('Overdose recorded for');
    await page.getByRole('button', { name: 'Crisis lines' }).click();
    const lines = page.getByRole('dialog', { name: 'Crisis lines' });
    await expect(lines.getByRole('link', { name: /988/ })).toHaveAttribute('href', 'tel:988');
    await snapBothWidths(page, 'crisis-lines');
    await expectAccessible(page);
    await lines.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /My tasks$/ }).click();
    await expect(page.getByRole('heading', { name: 'My tasks', level: 1 })).toBeVisible();
    const tasks = page.getByRole('list', { name: 'Tasks' }).getByRole('listitem');
    await expect(tasks.first()).toContainText('Call Lakeside MAT Clinic about his intake appointment');
    await expect(tasks.first()).toContainText('Overdue');
    await snapBothWidths(page, 'my-tasks');
    await expectAccessible(page);

    const busPass = tasks.filter({ hasText: 'Drop off a bus pass for the week' });
    // click, not check(): a finished task leaves the open list, so there is no ticked box to confirm.
    await busPass.getByRole('checkbox').click();
    await expect(page.getByRole('status')).toContainText('Marked “Drop off a bus pass for the week” done.');
    await expect(busPass).toHaveCount(0);

    await page.getByRole('radio', { name: 'Done' }).or(page.getByRole('button', { name: 'Done', exact: true })).first().click();
    await expect(page.getByRole('list', { name: 'Tasks' })).toContainText('Drop off a bus pass for the week');
    checks.expectClean();
  });
});

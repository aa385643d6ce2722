import { expect, type Page, test } from '@playwright/test';
import { DEMO, signInThroughPage } from './demo-sign-in';
import { expectAccessible, watchPage } from './page-checks';
import { programDaysAgo as daysAgo } from './program-clock';
import { join } from 'node:path';
import { DESKTOP, PHONE, SCREENSHOT_DIR, snap, snapBothWidths } from './screenshots';

/** Answers one item per screen (the phone layout), then leaves the date and notes screen open. */
async function answerItemByItem(page: Page, answers: string[]) {
  for (const [index, answer] of answers.entries()) {
    await expect(page.getByRole('heading', { name: `Item ${index + 1} of 10` })).toBeVisible();
    await page.getByRole('radio', { name: answer, exact: true }).check();
    if (index === 2) {
      await snap(page, 'assessment-item-390');
      await expectAccessible(page);
    }
    await page.getByRole('button', { name: 'Next' }).click();
  }
  await expect(page.getByRole('heading', { name: 'Date and notes' })).toBeVisible();
}

test.describe('BARC-10 assessments', () => {
  test('a specialist records a BARC-10 on a phone, item by item, and sees the trend', async ({ page }) => {
    test.setTimeout(90_000);
    const checks = watchPage(page);
    await page.goto('/caseload');
    await signInThroughPage(page, DEMO.specialist);
    await page.getByRole('link', { name: 'Marcus Bell' }).first().click();
    await expect(page.getByRole('heading', { name: 'Marcus Bell', level: 1 })).toBeVisible();
    await page.getByRole('tab', { name: 'Assessments' }).click();

    await expect(page.getByRole('heading', { name: 'Recovery capital', level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'No assessments yet' })).toBeVisible();
    await snapBothWidths(page, 'assessments-empty');
    await expectAccessible(page);

    // An intake assessment from three months ago, entered on a wide screen: all ten at once.
    await page.getByRole('link', { name: 'Record the first BARC-10' }).click();
    await expect(page.getByRole('heading', { name: 'Record a BARC-10', level: 1 })).toBeVisible();
    await expect(page.getByRole('group')).toHaveCount(10);
    const intakeAnswers = ['Somewhat agree', 'Somewhat disagree', 'Disagree', 'Somewhat disagree', 'Somewhat agree', 'Somewhat agree', 'Agree', 'Agree', 'Somewhat agree', 'Somewhat agree'];
    for (const [index, answer] of intakeAnswers.entries()) {
      await page.getByRole('group').nth(index).getByRole('radio', { name: answer, exact: true }).check();
    }
    await page.getByLabel('Date taken').fill(daysAgo(90));
    await snap(page, 'assessment-form-wide-1280');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Save assessment' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Assessment saved. Total 38 of 60.' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Total over time' })).toBeVisible();

    // Today's, on a phone, one statement per screen.
    await page.setViewportSize(PHONE);
    await page.getByRole('link', { name: 'Record a BARC-10' }).click();
    await expect(page.getByRole('group')).toHaveCount(1);
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByRole('alert')).toContainText('Choose an answer to go on');
    await answerItemByItem(page, ['Agree', 'Agree', 'Somewhat agree', 'Agree', 'Strongly agree', 'Agree', 'Agree', 'Strongly agree', 'Agree', 'Strongly agree']);
    await expect(page.getByText('Total: 52 of 60 (10 of 10 answered)')).toBeVisible();
    await page.getByLabel('Notes (optional)').fill('Started volunteering at the recovery cafe on Saturdays.');
    await snap(page, 'assessment-details-390');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Save assessment' }).click();

    await expect(page.getByRole('status').filter({ hasText: 'Assessment saved. Total 52 of 60.' })).toBeVisible();
    await expect(page.getByText(/2 assessments, from 38 on .* to 52 on/)).toBeVisible();
    const history = page.getByRole('table').last();
    await expect(history.getByRole('row')).toHaveCount(3);
    await expect(history.getByRole('row').nth(1)).toContainText('52');
    await expect(history.getByRole('row').nth(1)).toContainText('Jordan Avery');
    await expect(page.getByRole('row', { name: /3\. Energy/ })).toContainText('+2');
    await expect(page.locator('canvas')).toBeVisible();
    await snapBothWidths(page, 'assessments-history');
    await expectAccessible(page);
    // The page scrolls inside the shell, so the comparison below the chart is captured on its own.
    const comparison = page.locator('section[aria-labelledby="compare-heading"]');
    for (const size of [DESKTOP, PHONE]) {
      await page.setViewportSize(size);
      await comparison.screenshot({ path: join(SCREENSHOT_DIR, `assessments-compare-${size.width}.png`) });
    }
    checks.expectClean();
  });
});

import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { DEMO, signInThroughApi } from './demo-sign-in';
import { expectAccessible, watchPage } from './page-checks';

const screenshots = join(__dirname, '../../../test-output/web-e2e/screenshots');

test.describe('smoke: the built product on one port', () => {
  test('serves the sign-in page, styled, with no console errors or outside requests', async ({ page }) => {
    const checks = watchPage(page);
    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
    await expect(page.getByLabel('Email')).toBeVisible();
    await expect(page).toHaveTitle(/Waypoint/);
    // The theme loaded (Material's system colours are set), so the page is not unstyled.
    const primary = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--mat-sys-primary'));
    expect(primary.trim()).not.toBe('');
    await page.screenshot({ path: join(screenshots, 'sign-in.png'), fullPage: true });
    await expectAccessible(page);
    checks.expectClean();
  });

  test('deep links load the dashboard shell (history-API fallback)', async ({ page }) => {
    const checks = watchPage(page);
    await signInThroughApi(page.request, DEMO.supervisor);
    await page.goto('/caseload');
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Caseload', level: 1 })).toBeVisible();
    await page.screenshot({ path: join(screenshots, 'caseload.png'), fullPage: true });
    await expectAccessible(page);
    checks.expectClean();
  });

  test('collapses the navigation at phone width', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const checks = watchPage(page);
    await signInThroughApi(page.request, DEMO.supervisor);
    await page.goto('/caseload');
    const menu = page.getByRole('button', { name: 'Main menu' });
    await expect(menu).toBeVisible();
    await expect(page.getByRole('link', { name: 'Referrals' })).toBeHidden();
    await menu.click();
    await expect(page.getByRole('link', { name: 'Referrals' })).toBeVisible();
    await page.screenshot({ path: join(screenshots, 'caseload-phone-menu.png') });
    checks.expectClean();
  });

  test('reports the database ready', async ({ request }) => {
    const response = await request.get('/api/ready');
    expect(response.status()).toBe(200);
    expect((await response.json()).info.database.status).toBe('up');
  });
});

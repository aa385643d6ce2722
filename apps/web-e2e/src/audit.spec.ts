import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { DEMO, signInThroughPage } from './demo-sign-in';
import { expectAccessible, watchPage } from './page-checks';
import { snap, snapBothWidths } from './screenshots';

test.describe('audit trail', () => {
  test('an admin reads the trail, opens an event, downloads it as CSV and verifies the chain', async ({ page }) => {
    const checks = watchPage(page);
    await page.goto('/audit');
    await signInThroughPage(page, DEMO.admin);
    await expect(page.getByRole('heading', { name: 'Audit trail', level: 1 })).toBeVisible();
    const table = page.getByRole('table', { name: 'Audit events' });
    // The admin's own sign-in is already in the trail, newest first.
    await expect(table.getByRole('row', { name: /Alex Kim/ }).first()).toBeVisible();
    await snapBothWidths(page, 'audit-trail');
    await expectAccessible(page);

    await table.getByRole('row', { name: /Alex Kim/ }).first().getByRole('button').first().click();
    const dialog = page.getByRole('dialog', { name: 'Event details' });
    await expect(dialog).toContainText('Alex Kim');
    await snap(page, 'audit-event-details-1280');
    await expectAccessible(page);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download CSV' }).click();
    const csv = readFileSync(await (await download).path(), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('id,occurredAt,actorId,actorName,actorRole,action,resourceType,resourceId,participantId,outcome,requestId,ip,userAgent,reason');
    expect(csv).toContain('auth.sign-in');

    await page.getByRole('button', { name: 'Verify chain' }).click();
    await expect(page.getByText('The chain is intact.')).toBeVisible();
    await snap(page, 'audit-verified-1280');
    checks.expectClean();
  });

  test('a supervisor sees who opened a participant’s record', async ({ page }) => {
    const checks = watchPage(page);
    await page.goto('/caseload');
    await signInThroughPage(page, DEMO.supervisor);
    await page.getByRole('table', { name: 'Participants' }).getByRole('link', { name: 'Marcus Bell' }).click();
    await expect(page.getByRole('heading', { name: 'Marcus Bell', level: 1 })).toBeVisible();
    const recent = page.getByRole('region', { name: 'Recent access' });
    await expect(recent).toContainText('Maria Delgado');
    await snapBothWidths(page, 'participant-recent-access');
    await expectAccessible(page);
    checks.expectClean();
  });
});

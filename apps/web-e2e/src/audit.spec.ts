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
    // The banner's check of the admin's own emergency access (they hold none) is not an access.
    await expect(table).not.toContainText('own emergency access');
    await expect(table).toContainText('Sign in: password step');
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
    expect(csv.split('\r\n')[0]).toBe('id,occurredAt,actorId,actorName,actorRole,action,resourceType,resourceId,participantId,participantName,outcome,requestId,ip,userAgent,reason');
    expect(csv).toContain('auth.sign-in');

    await page.getByRole('button', { name: 'Verify chain' }).click();
    await expect(page.getByText('The chain is intact.')).toBeVisible();
    // The chain is the server's; the figures are the admin's own program's.
    await expect(page.getByText(/events? of your program/)).toBeVisible();
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

    // The team's trail names the participant (within the supervisor's care team) and links to them.
    await page.goto('/audit');
    const table = page.getByRole('table', { name: 'Audit events' });
    const marcus = page.getByRole('link', { name: 'Marcus Bell' });
    const opened = table.getByRole('row').filter({ hasText: 'View a participant record' }).filter({ hasText: 'Maria Delgado' }).filter({ has: marcus }).first();
    await expect(opened).toBeVisible();
    await snapBothWidths(page, 'audit-team-trail');
    await expectAccessible(page);
    await opened.getByRole('link', { name: 'Marcus Bell' }).click();
    await expect(page.getByRole('heading', { name: 'Marcus Bell', level: 1 })).toBeVisible();
    checks.expectClean();
  });
});

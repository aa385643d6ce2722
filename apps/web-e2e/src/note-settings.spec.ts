import { expect, type Page, test } from '@playwright/test';
import { DEMO, signInThroughPage } from './demo-sign-in';
import { expectAccessible, watchPage } from './page-checks';
import { snap, snapBothWidths } from './screenshots';

const OWN_TOPIC = 'Reentry support';
const DAP = 'DAP (Data, Assessment, Plan)';
const GIRP = 'GIRP (Goal, Intervention, Response, Plan)';

/** Sets the format and whether the program's own topic is on the list, and saves. */
async function saveSettings(page: Page, format: string, withOwnTopic: boolean) {
  await page.getByRole('radio', { name: format }).check();
  const ownChip = page.getByRole('row', { name: new RegExp(OWN_TOPIC) });
  if (withOwnTopic && (await ownChip.count()) === 0) {
    const input = page.getByPlaceholder('Add a topic of your own…');
    await input.fill(OWN_TOPIC);
    await input.press('Enter');
    await expect(ownChip).toBeVisible();
  }
  if (!withOwnTopic && (await ownChip.count()) > 0) await page.getByRole('button', { name: `Remove ${OWN_TOPIC}` }).click();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toContainText(`Saved. New notes start in ${format}`);
}

test.describe('note settings', () => {
  test('an admin switches new notes to DAP with a topic of the program’s own; the specialist’s next note starts that way', async ({ page, browser }) => {
    const checks = watchPage(page);
    await page.goto('/admin/notes');
    await signInThroughPage(page, DEMO.admin);
    await expect(page.getByRole('heading', { name: 'Note settings', level: 1 })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('radio', { name: GIRP })).toBeChecked();
    await expect(page.getByRole('row', { name: /Mutual-aid meetings/ })).toBeVisible();
    await snapBothWidths(page, 'admin-note-settings');
    await expectAccessible(page);

    try {
      // A topic that is already there is refused, in words.
      const input = page.getByPlaceholder('Add a topic of your own…');
      await input.fill('housing');
      await input.press('Enter');
      await expect(page.getByRole('alert').filter({ hasText: 'already on the list' })).toHaveText('“housing” is already on the list.');
      await input.fill('');

      await saveSettings(page, DAP, true);
      await snap(page, 'admin-note-settings-saved-1280');
      await expectAccessible(page);

      // Jordan, in a browser of his own, starts a note: DAP's sections, and the program's own topic.
      const context = await browser.newContext({ viewport: page.viewportSize() ?? undefined });
      const jordan = await context.newPage();
      const jordanChecks = watchPage(jordan);
      jordanChecks.allowCancelled(/\/api\/v1\/participants\/[0-9a-f-]{36}\/(tasks|plan|safety-events|assignments|timeline|access-log|notes)(\?.*)?$/);
      await jordan.goto('/caseload');
      await signInThroughPage(jordan, DEMO.specialist);
      await expect(jordan.getByRole('heading', { name: 'Caseload', level: 1 })).toBeVisible({ timeout: 30_000 });
      await jordan.getByRole('link', { name: /Jamie Lee/ }).first().click();
      await expect(jordan.getByRole('heading', { name: 'Jamie Lee', level: 1 })).toBeVisible();
      await jordan.getByRole('tab', { name: 'Notes', exact: true }).click();
      await jordan.getByRole('link', { name: 'New note' }).click();
      await expect(jordan.getByRole('heading', { name: 'New session note' })).toBeVisible();
      await expect(jordan.getByRole('combobox', { name: 'Format' })).toContainText('DAP');
      await expect(jordan.getByRole('textbox', { name: 'Data', exact: true })).toBeVisible();
      await expect(jordan.getByRole('textbox', { name: 'Intervention', exact: true })).toHaveCount(0);
      await expect(jordan.getByRole('option', { name: OWN_TOPIC })).toBeVisible();
      await jordan.getByRole('option', { name: OWN_TOPIC }).scrollIntoViewIfNeeded();
      await snap(jordan, 'notes-new-dap-1280');
      await expectAccessible(jordan);
      jordanChecks.expectClean();
      await context.close();
    } finally {
      // Back as the demo was, for the journeys after this one.
      await page.goto('/admin/notes');
      await expect(page.getByRole('heading', { name: 'Note settings', level: 1 })).toBeVisible();
      await saveSettings(page, GIRP, false);
    }
    checks.expectClean();
  });
});

import { expect, type Page, test } from '@playwright/test';
import { DEMO, signInThroughPage } from './demo-sign-in';
import { expectAccessible, watchPage } from './page-checks';
import { DESKTOP, snap } from './screenshots';

/**
 * Each demo role walks every page its navigation offers, plus the pages every signed-in person
 * reaches from the top bar. The dashboard must never ask the API for what the role may not
 * have (each such request is a denied, audited "request without permission"), so any 403 fails
 * the walk, as does any 5xx. Each role's start page must be a working page, never a placeholder.
 */
const ROLES = [
  { role: 'specialist', email: DEMO.specialist, start: '/caseload' },
  { role: 'supervisor', email: DEMO.supervisor, start: '/caseload' },
  { role: 'clinician', email: DEMO.clinician, start: '/start' },
  { role: 'admin', email: DEMO.admin, start: '/audit' },
] as const;

/** Pages outside the main navigation that every signed-in person has. */
const EVERYONE = ['/notifications', '/account/sessions', '/account/password'];

/** Records every API answer the page gets with a status the walk must never cause. */
function watchRefusals(page: Page): string[] {
  const refused: string[] = [];
  page.on('response', (response) => {
    const status = response.status();
    if (status === 403 || status >= 500) refused.push(`${status} ${response.request().method()} ${new URL(response.url()).pathname} (on ${new URL(page.url()).pathname})`);
  });
  return refused;
}

/** Up to three links inside the page's main content that lead below `path` or to a participant. */
async function pageLinks(page: Page, path: string): Promise<string[]> {
  if (path.startsWith('/account') || path === '/notifications') return [];
  const hrefs = await page
    .getByRole('main')
    .locator('a[href]')
    .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
  const below = hrefs.filter((href) => href !== path && (href.startsWith(`${path}/`) || (path === '/caseload' && href.startsWith('/participants/'))));
  return [...new Set(below)].slice(0, path.startsWith('/participants/') ? 10 : 3);
}

/** Lets the page finish what it asks for before it is judged. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  // Spinners and indeterminate bars (a goal's progress bar has a value and stays).
  await expect(page.locator('[role="progressbar"]:not([aria-valuenow])')).toHaveCount(0);
}

for (const { role, email, start } of ROLES) {
  test(`a ${role} lands on a working page and walks every page of theirs without a 403 or a 5xx`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(DESKTOP);
    const checks = watchPage(page);
    const refused = watchRefusals(page);
    await page.goto('/');
    await signInThroughPage(page, email);
    await expect(page).toHaveURL(new RegExp(`${start}$`));
    await settle(page);
    // A placeholder only says its feature is coming: nobody starts their day on one.
    await expect(page.locator('lib-placeholder-page')).toHaveCount(0);
    await snap(page, `start-page-${role}`);

    const nav = page.getByRole('navigation', { name: 'Main' });
    const paths = await nav.getByRole('link').evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
    expect(paths.length, 'navigation items').toBeGreaterThan(0);
    const visited = new Set<string>();
    const visit = async (path: string) => {
      if (visited.has(path)) return;
      visited.add(path);
      await test.step(path, async () => {
        await page.goto(path);
        await settle(page);
        await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
        expect(page.url(), `${path} is not refused to a ${role}`).not.toContain('/not-allowed');
        await expectAccessible(page);
        // The one placeholder that reads real data: its co-sign count, looked at by a person.
        if (path === '/supervision') await snap(page, `supervision-page-${role}`);
      });
    };
    for (const path of [...paths, ...EVERYONE]) {
      await visit(path);
      // A page's own sections (the admin area's tabs, a queue's items, a caseload's first
      // participant and that record's tabs) ask the API for more: walk a few of each.
      for (const sub of await pageLinks(page, path)) {
        await visit(sub);
        for (const tab of await pageLinks(page, sub)) await visit(tab);
      }
    }
    expect(refused, `API answers a ${role}'s pages caused`).toEqual([]);
    checks.expectClean();
  });
}

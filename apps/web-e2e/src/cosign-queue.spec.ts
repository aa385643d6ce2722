import { type Browser, expect, type Locator, type Page, test } from '@playwright/test';
import { DEMO, signInThroughPage } from './demo-sign-in';
import { expectAccessible, watchPage } from './page-checks';
import { PHONE, snap, snapBothWidths } from './screenshots';

const JORDAN = 'Jordan Avery';
/** How the queue words a note's status (libs/web/participants/src/lib/cosign/note-wording.ts). */
const SUBMITTED = 'Awaiting the author’s signature';
const SIGNED = 'Ready to co-sign';

interface Review {
  /** What the supervisor asks Jordan to fix. */
  comment: string;
  /** The Plan section as Jordan rewrites it. */
  plan: string;
  phone: boolean;
  width: number;
  /** Visit the notifications page once (the desktop run does). */
  notifications: boolean;
}

/**
 * The whole page at the current width. The shell scrolls inside its content pane, so a full-page
 * screenshot would stop at the window: the window is made as tall as the content for the shot
 * (width, and so the layout's breakpoints, unchanged), then put back.
 */
async function snapWhole(page: Page, name: string) {
  const size = page.viewportSize();
  if (!size) return snap(page, name);
  const height = await page.evaluate(() => {
    const pane = document.querySelector('mat-sidenav-content');
    return pane ? pane.getBoundingClientRect().top + pane.scrollHeight : document.documentElement.scrollHeight;
  });
  await page.setViewportSize({ width: size.width, height: Math.min(Math.max(Math.ceil(height), size.height), 4000) });
  await page.waitForTimeout(300);
  await snap(page, name);
  await page.setViewportSize(size);
  await page.waitForTimeout(300);
}

/** Opens a destination of the main navigation; on a phone it sits behind the menu button. */
async function openFromNav(page: Page, name: string, phone: boolean) {
  if (phone) await page.getByRole('button', { name: 'Main menu' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: new RegExp(`${name}$`) }).click();
}

/** The queue's notes as shown: table rows on a desktop, cards on a phone. */
const queueEntries = (page: Page, phone: boolean): Locator =>
  phone ? page.getByRole('list', { name: 'Notes awaiting you' }).locator('li.card') : page.getByRole('table', { name: 'Notes awaiting you' }).locator('tr.note-row');

/** Whole days waited, from "Today" / "1 day" / "12 days" (table) or "Waiting since today" / "Waiting 12 days" (cards). */
const waitedDays = (text: string) => Number(/(\d+) days?/.exec(text)?.[1] ?? 0);

/** A chip of the "Show notes by" filter, e.g. "Jordan Avery · 3", read back as its number. */
async function chipCount(chip: Locator): Promise<number> {
  const text = (await chip.textContent()) ?? '';
  return Number(/·\s*(\d+)/.exec(text)?.[1] ?? NaN);
}

/**
 * The co-sign acceptance: the supervisor opens the queue from the navigation, sees counts per
 * specialist and the notes oldest first, returns one of Jordan's submitted notes with a comment
 * and co-signs one of his signed notes beside the participant's goals; both leave the queue and
 * the counts drop. Then Jordan, in a browser of his own, finds the returned note at the top of
 * My tasks with the comment, fixes the Plan, reads it back and signs it.
 */
async function returnAndCosign(page: Page, browser: Browser, review: Review) {
  const checks = watchPage(page);
  const shot = (name: string) => snapWhole(page, `cosign-${name}-${review.width}`);

  await page.goto('/caseload');
  await signInThroughPage(page, DEMO.supervisor);
  // Signing in hashes a password and checks a code: on a busy machine that takes more than the default 5 s.
  await expect(page.getByRole('heading', { name: 'Caseload', level: 1 })).toBeVisible({ timeout: 30_000 });
  // Leaving the caseload before its list has loaded would cancel it.
  await page.waitForLoadState('networkidle');

  await openFromNav(page, 'Co-sign queue', review.phone);
  await expect(page).toHaveURL(/\/cosign$/);
  await expect(page.getByRole('heading', { name: 'Co-sign queue', level: 1 })).toBeVisible();
  const entries = queueEntries(page, review.phone);
  await expect(entries.first()).toBeVisible();

  // Counts per specialist, and everyone's together.
  const chips = page.getByRole('listbox', { name: 'Show notes by' });
  const everyoneChip = chips.getByRole('option', { name: /^Everyone · \d+$/ });
  const jordanChip = chips.getByRole('option', { name: new RegExp(`^${JORDAN} · \\d+$`) });
  await expect(jordanChip).toBeVisible();
  const chipTexts = await chips.getByRole('option').allTextContents();
  expect(chipTexts.length, chipTexts.join(' | ')).toBeGreaterThan(2); // everyone, Jordan and at least one other specialist
  const everyone = await chipCount(everyoneChip);
  const jordan = await chipCount(jordanChip);
  const perSpecialist = chipTexts.slice(1).map((text) => Number(/·\s*(\d+)/.exec(text)?.[1]));
  expect(perSpecialist.reduce((sum, count) => sum + count, 0)).toBe(everyone);
  await expect(entries).toHaveCount(Math.min(everyone, 25));

  // Oldest first: the days waited never grow down the list.
  const waits = (await entries.allTextContents()).map(waitedDays);
  expect(waits, `days waited, top to bottom: ${waits.join(', ')}`).toEqual([...waits].sort((a, b) => b - a));
  await shot('queue');
  await expectAccessible(page);

  // Only Jordan's notes.
  await jordanChip.click();
  await expect(jordanChip).toHaveAttribute('aria-selected', 'true');
  await expect(entries).toHaveCount(jordan);
  await expect(entries.filter({ hasNotText: JORDAN })).toHaveCount(0);

  // The submitted and the signed note to review: the oldest of each the queue shows.
  const nameOf = async (entry: Locator) => ((await entry.locator('.name').textContent()) ?? '').trim();
  const submittedEntry = entries.filter({ hasText: SUBMITTED }).first();
  const signedEntry = entries.filter({ hasText: SIGNED }).first();
  await expect(submittedEntry).toBeVisible();
  await expect(signedEntry).toBeVisible();
  const returned = await nameOf(submittedEntry);
  const cosigned = await nameOf(signedEntry);
  expect(returned).not.toBe(cosigned);
  const reviewButton = (participant: string) => page.getByRole('button', { name: `Review: the note for ${participant} by ${JORDAN}` });
  const reviewOf = (participant: string) => page.getByRole('region', { name: new RegExp(`^${participant} · `) });

  // 1. The submitted note: not signed by Jordan yet, so it can only go back to him with a comment.
  await reviewButton(returned).click();
  const submittedReview = reviewOf(returned);
  await expect(submittedReview).toBeVisible();
  await expect(submittedReview).toContainText(`By ${JORDAN}`);
  await expect(submittedReview).toContainText('not signed yet');
  await expect(submittedReview.getByRole('button', { name: 'Co-sign' })).toHaveCount(0);
  await expect(submittedReview.getByRole('list', { name: 'Recovery plan goals' }).getByRole('listitem').first()).toBeVisible();
  await shot('review-submitted');
  await expectAccessible(page);

  await submittedReview.getByRole('button', { name: 'Return with comment' }).click();
  const dialog = page.getByRole('dialog', { name: `Return the note to ${JORDAN}` });
  await expect(dialog).toContainText(returned);
  await expect(dialog.getByRole('textbox', { name: 'What to fix' })).toBeFocused();
  await dialog.getByRole('textbox', { name: 'What to fix' }).fill(review.comment);
  await shot('return-dialog');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Return note' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Returned the note' })).toHaveText(
    `Returned the note for ${returned} to ${JORDAN} with your comment.`,
  );
  await expect(reviewButton(returned)).toHaveCount(0);
  await expect(entries).toHaveCount(jordan - 1);
  await expect(jordanChip).toHaveText(`${JORDAN} · ${jordan - 1}`);

  // 2. The signed note, read beside the participant's goals, then co-signed.
  const cosignedReview = reviewOf(cosigned);
  if (!(await cosignedReview.isVisible())) await reviewButton(cosigned).click(); // the next note may have opened by itself
  await expect(cosignedReview).toBeVisible();
  await expect(cosignedReview).toContainText(`Signed by ${JORDAN}`);
  const goals = cosignedReview.getByRole('list', { name: 'Recovery plan goals' }).getByRole('listitem');
  await expect(goals.first()).toBeVisible();
  expect(((await goals.first().locator('q').textContent()) ?? '').trim().length).toBeGreaterThan(5);
  await expect(cosignedReview.getByRole('link', { name: 'Open the recovery plan' })).toBeVisible();
  await expect(cosignedReview.getByRole('button', { name: 'Return with comment' })).toHaveCount(0);
  await shot('review-signed');
  await expectAccessible(page);

  await cosignedReview.getByRole('button', { name: 'Co-sign' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Co-signed' })).toHaveText(`Co-signed the note for ${cosigned} by ${JORDAN}.`);
  await expect(reviewButton(cosigned)).toHaveCount(0);

  // Both gone: Jordan's count and everyone's are two lower. With none of Jordan's left, his chip
  // goes and the queue shows everyone's notes again.
  await expect(everyoneChip).toHaveText(`Everyone · ${everyone - 2}`);
  await expect(entries.filter({ hasText: JORDAN })).toHaveCount(jordan - 2);
  if (jordan - 2 > 0) {
    await expect(jordanChip).toHaveText(`${JORDAN} · ${jordan - 2}`);
    await expect(entries).toHaveCount(jordan - 2);
  } else {
    await expect(jordanChip).toHaveCount(0);
    await expect(entries).toHaveCount(Math.min(everyone - 2, 25));
    await expect(entries.filter({ hasNotText: JORDAN }).first()).toBeVisible();
  }
  await shot('queue-after');
  await expectAccessible(page);

  if (review.notifications) {
    // The bell in the top bar leads to the notifications page.
    await page.getByRole('link', { name: /^Notifications/ }).click();
    await expect(page).toHaveURL(/\/notifications$/);
    await expect(page.getByRole('heading', { name: 'Notifications', level: 1 })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Notifications' }).or(page.getByRole('heading', { name: 'No notifications' }))).toBeVisible();
    await page.mouse.move(640, 600); // away from the bell, so its tooltip is not in the picture
    await snapBothWidths(page, 'notifications');
    await expectAccessible(page);
  }
  checks.expectClean();

  // 3. Jordan, at work in a browser of his own, finds the returned note first in My tasks.
  const context = await browser.newContext({ viewport: page.viewportSize() ?? undefined });
  const jordanPage = await context.newPage();
  const jordanChecks = watchPage(jordanPage);
  jordanChecks.allowCancelled(/\/api\/v1\/participants\/[0-9a-f-]{36}\/(tasks|plan|safety-events|assignments|timeline|access-log|notes)(\?.*)?$/);
  const jordanShot = (name: string) => snapWhole(jordanPage, `cosign-${name}-${review.width}`);
  await jordanPage.goto('/caseload');
  await signInThroughPage(jordanPage, DEMO.specialist);
  await expect(jordanPage.getByRole('heading', { name: 'Caseload', level: 1 })).toBeVisible({ timeout: 30_000 });
  await jordanPage.waitForLoadState('networkidle');

  // He was told: a notification says who returned which participant's note, and leads to the note.
  await jordanPage.getByRole('link', { name: /^Notifications/ }).click();
  const notice = jordanPage.getByRole('link', { name: `Maria Delgado returned your note about ${returned} for changes` }).first();
  await expect(notice).toBeVisible();
  await expect(notice).toHaveAttribute('href', /^\/participants\/[0-9a-f-]{36}\/notes\/[0-9a-f-]{36}$/);
  await expectAccessible(jordanPage);

  await openFromNav(jordanPage, 'My tasks', review.phone);
  await expect(jordanPage.getByRole('heading', { name: 'My tasks', level: 1 })).toBeVisible();
  const returnedNotes = jordanPage.getByRole('region', { name: 'Returned notes' });
  await expect(returnedNotes).toBeVisible();
  const first = returnedNotes.getByRole('listitem').first();
  await expect(first).toContainText(returned);
  await expect(first.locator('blockquote')).toHaveText(review.comment);
  await expect(first).toContainText('Returned by Maria Delgado');
  // The returned notes come before the follow-ups.
  const returnedBox = await returnedNotes.boundingBox();
  const followUps = await jordanPage.getByRole('heading', { name: 'Follow-ups', level: 2 }).boundingBox();
  expect(returnedBox && followUps && returnedBox.y < followUps.y).toBeTruthy();
  await jordanPage.waitForLoadState('networkidle');
  await jordanShot('my-tasks-returned');
  await expectAccessible(jordanPage);

  // 4. Fix it: the editor shows what to fix above the note.
  await first.getByRole('link', { name: `Fix the note: ${returned}` }).click();
  await expect(jordanPage.getByRole('heading', { name: 'Session note (draft)' })).toBeVisible();
  const comment = jordanPage.getByRole('note', { name: 'Returned by the supervisor' });
  await expect(comment).toContainText('Returned by Maria Delgado: what to fix');
  await expect(comment).toContainText(review.comment);
  const plan = jordanPage.getByRole('textbox', { name: 'Plan', exact: true });
  await expect(plan).not.toHaveValue('');
  await plan.fill(review.plan);
  // The draft saves itself a moment after the typing stops.
  await expect(jordanPage.getByRole('status').filter({ hasText: /^\s*Saved at / })).toBeVisible({ timeout: 15_000 });
  await jordanShot('editor-returned');
  await expectAccessible(jordanPage);

  // Read back with the new plan, and sign.
  await jordanPage.getByRole('button', { name: 'Read back and sign' }).click();
  const readBack = jordanPage.getByRole('dialog', { name: 'Read back' });
  await expect(readBack).toContainText(review.plan);
  await expect(readBack).toContainText(`You sign as ${JORDAN} · CPRS.`);
  await readBack.getByRole('checkbox', { name: 'Reviewed with the participant' }).check();
  await jordanShot('read-back');
  await expectAccessible(jordanPage);
  await readBack.getByRole('button', { name: 'Sign…' }).click();
  await jordanPage.getByRole('alertdialog', { name: `Sign as ${JORDAN} · CPRS?` }).getByRole('button', { name: 'Sign note' }).click();

  // Signed and locked, with the new plan; the returned comment has done its work.
  await expect(jordanPage.getByRole('status').filter({ hasText: 'Note signed.' })).toBeVisible();
  const note = jordanPage.getByRole('article');
  await expect(note.locator('lib-note-status-badge')).toHaveText('Signed');
  await expect(note).toContainText(review.plan);
  await expect(jordanPage.getByText(new RegExp(`Signed by ${JORDAN} · CPRS · `))).toBeVisible();
  await expect(jordanPage.getByRole('textbox')).toHaveCount(0);
  await jordanShot('fixed');
  await expectAccessible(jordanPage);

  // And it has left the returned notes.
  await openFromNav(jordanPage, 'My tasks', review.phone);
  await expect(jordanPage.getByRole('heading', { name: 'My tasks', level: 1 })).toBeVisible();
  await expect(jordanPage.getByRole('list', { name: 'Tasks' })).toBeVisible();
  await expect(jordanPage.getByRole('link', { name: `Fix the note: ${returned}` })).toHaveCount(0);
  jordanChecks.expectClean();
  await context.close();
}

test.describe('the co-sign queue', () => {
  test('a supervisor returns one of Jordan’s notes with a comment and co-signs another; Jordan fixes the returned note and signs it', async ({
    page,
    browser,
  }) => {
    await returnAndCosign(page, browser, {
      comment: 'Say what the participant agreed to do before the next visit, and when you will check in.',
      plan: 'Calls the clinic on Monday to confirm the ride; Jordan checks in by text on Tuesday evening.',
      phone: false,
      width: 1280,
      notifications: true,
    });
  });
});

test.describe('the co-sign queue, on a phone', () => {
  test.use({ viewport: PHONE });

  test('the same review at 390 × 844', async ({ page, browser }) => {
    await returnAndCosign(page, browser, {
      comment: 'The plan needs a date: when is the next contact, and who makes it?',
      plan: 'Next contact on Thursday at the recovery cafe; Jordan brings the meeting list.',
      phone: true,
      width: 390,
      notifications: false,
    });
  });
});

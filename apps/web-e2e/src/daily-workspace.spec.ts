import { expect, type Page, test } from '@playwright/test';
import { DEMO, signInThroughPage } from './demo-sign-in';
import { dialogOpened } from './dialogs';
import { expectAccessible, watchPage } from './page-checks';
import { programDaysAgo as daysAgo } from './program-clock';
import { PHONE, snap } from './screenshots';

const ANSWERS = ['Strongly disagree', 'Disagree', 'Somewhat disagree', 'Somewhat agree', 'Agree', 'Strongly agree'];

const TABS = ['Overview', 'Notes', 'Timeline', 'Recovery plan', 'Assessments', 'Tasks'];

/**
 * Opens a tab of the participant record. On a phone the tab bar pages sideways and a tab off to
 * the side sits behind the paging arrow, so there it goes by keyboard (arrow keys move along the
 * tabs and bring the focused one into view, Enter opens it), which also proves the keyboard path.
 */
async function openTab(page: Page, name: string, phone: boolean) {
  const tab = page.getByRole('tab', { name, exact: true });
  if (!phone) {
    await tab.click();
  } else {
    const selected = page.getByRole('tab', { selected: true });
    const from = TABS.indexOf((await selected.textContent())?.trim() ?? '');
    const to = TABS.indexOf(name);
    await selected.focus();
    for (let step = 0; step < Math.abs(to - from); step += 1) await page.keyboard.press(to > from ? 'ArrowRight' : 'ArrowLeft');
    await expect(tab).toBeFocused();
    await page.keyboard.press('Enter');
  }
  await expect(tab).toHaveAttribute('aria-selected', 'true');
}

interface Workday {
  /** One of Jordan's participants with no contact for over 14 days in the demo seed. */
  participant: string;
  /** Someone in Jordan's caseload seen recently, so not in the "No recent contact" list. */
  recentlySeen: string;
  dimension: 'Health' | 'Home' | 'Purpose' | 'Community';
  statement: string;
  steps: [string, string];
  /** BARC-10s to record, oldest first: the days ago each was taken, and the answer to every item (1–6). */
  assessments: { daysAgo: number; answer: number; total: number }[];
  phone: boolean;
  width: number;
}

/**
 * The specialist's daily workspace end to end (participants issue, acceptance): the caseload
 * narrowed to who has gone without contact, one of them opened, a goal with two steps added,
 * progress recorded, a BARC-10 taken and the chart showing it, the timeline telling the story,
 * and the caseload no longer listing them as overdue. Screenshots and axe on every page.
 */
async function workday(page: Page, day: Workday) {
  const checks = watchPage(page);
  // Leaving a tab before its lists arrive cancels them; that is the browser's doing, not a failure.
  checks.allowCancelled(/\/api\/v1\/participants\/[0-9a-f-]{36}\/(tasks|plan|safety-events|assignments|timeline)(\?.*)?$/);
  const shot = (name: string) => snap(page, `workday-${name}-${day.width}`);

  await page.goto('/caseload');
  await signInThroughPage(page, DEMO.specialist);
  await expect(page.getByRole('heading', { name: 'Caseload', level: 1 })).toBeVisible();
  const participantLink = page.getByRole('link', { name: new RegExp(day.participant) }).first();
  await expect(participantLink).toBeVisible();
  await expect(page.getByRole('link', { name: new RegExp(day.recentlySeen) }).first()).toBeVisible();

  // Who has gone too long without contact: the participant is there, someone seen this week is not.
  await page.getByRole('option', { name: 'No recent contact' }).click();
  await expect(page.getByRole('link', { name: new RegExp(day.recentlySeen) })).toHaveCount(0);
  await expect(participantLink).toBeVisible();
  await expect(page.getByText(/No contact yet/).first()).toBeVisible();
  await shot('caseload-no-recent-contact');
  await expectAccessible(page);

  // The participant's overview: tabs, next steps, safety, care team.
  await participantLink.click();
  await expect(page.getByRole('heading', { name: day.participant, level: 1 })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { name: 'Next steps' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Care team' })).toBeVisible();
  await shot('overview');
  await expectAccessible(page);

  // A goal in the participant's words, with two first steps.
  await openTab(page, 'Recovery plan', day.phone);
  await expect(page.getByRole('heading', { name: 'Recovery plan', level: 1 })).toBeVisible();
  const card = page.getByRole('region', { name: day.dimension });
  await card.getByRole('button', { name: `Add a ${day.dimension} goal` }).click();
  const addDialog = await dialogOpened(page.getByRole('dialog', { name: 'Add a goal' }));
  await addDialog.getByLabel("Goal, in the participant's own words").fill(day.statement);
  await addDialog.getByRole('textbox', { name: 'Step 1', exact: true }).fill(day.steps[0]);
  await addDialog.getByRole('textbox', { name: 'Step 2', exact: true }).fill(day.steps[1]);
  await addDialog.getByRole('button', { name: 'Add goal' }).click();
  await expect(addDialog).toHaveCount(0);
  const goal = card.getByRole('article', { name: day.statement });
  await expect(goal).toContainText('Steps · 0 of 2 done');

  // Progress: from the starting 5, two steps up.
  await goal.getByRole('button', { name: 'Record progress' }).click();
  const progressDialog = await dialogOpened(page.getByRole('dialog', { name: 'Record progress' }));
  const slider = progressDialog.getByRole('slider');
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveValue('7');
  await progressDialog.getByRole('button', { name: 'Record progress' }).click();
  await expect(progressDialog).toHaveCount(0);
  await expect(goal.getByRole('progressbar', { name: 'Latest progress: 7 of 10' })).toBeVisible();
  await goal.scrollIntoViewIfNeeded();
  await shot('plan');
  await expectAccessible(page);

  // BARC-10: none yet; then each one recorded shows on the chart and in its summary.
  await openTab(page, 'Assessments', day.phone);
  await expect(page.getByRole('heading', { name: 'No assessments yet' })).toBeVisible();
  for (const [index, assessment] of day.assessments.entries()) {
    await page.getByRole('link', { name: index === 0 ? 'Record the first BARC-10' : 'Record a BARC-10' }).click();
    await expect(page.getByRole('heading', { name: 'Record a BARC-10', level: 1 })).toBeVisible();
    const answer = ANSWERS[assessment.answer - 1];
    if (day.phone) {
      // One statement per screen on a phone.
      for (let item = 1; item <= 10; item += 1) {
        await expect(page.getByRole('heading', { name: `Item ${item} of 10` })).toBeVisible();
        await page.getByRole('radio', { name: answer, exact: true }).check();
        await page.getByRole('button', { name: 'Next' }).click();
      }
      await expect(page.getByRole('heading', { name: 'Date and notes' })).toBeVisible();
    } else {
      for (let item = 0; item < 10; item += 1) {
        await page.getByRole('group').nth(item).getByRole('radio', { name: answer, exact: true }).check();
      }
    }
    await page.getByLabel('Date taken').fill(daysAgo(assessment.daysAgo));
    await page.getByRole('button', { name: 'Save assessment' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Assessment saved. Total ${assessment.total} of 60.` })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Total over time' })).toBeVisible();
    await expect(page.locator('canvas')).toBeVisible();
    const latest = day.assessments[index];
    const summary = index === 0 ? `One assessment so far: ${latest.total} on` : `${index + 1} assessments, from ${day.assessments[0].total} on`;
    await expect(page.locator('figcaption')).toContainText(summary);
  }
  await shot('assessments');
  await expectAccessible(page);

  // The timeline tells the day's story, newest first.
  await openTab(page, 'Timeline', day.phone);
  await expect(page.getByRole('heading', { name: 'Timeline' })).toBeVisible();
  const latestTotal = day.assessments[day.assessments.length - 1].total;
  await expect(page.getByText(`BARC-10: ${latestTotal}`)).toBeVisible();
  await expect(page.getByText(`Goal progress 7/10 — ‘${day.statement}’`)).toBeVisible();
  await expect(page.getByText(`Goal added to ${day.dimension} — ‘${day.statement}’`)).toBeVisible();
  await shot('timeline');
  await expectAccessible(page);

  // Back on the caseload, they have been seen today and leave the "No recent contact" list.
  await page.getByRole('main').getByRole('link', { name: 'Caseload', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Caseload', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: new RegExp(day.participant) }).first()).toBeVisible();
  await page.getByRole('option', { name: 'No recent contact' }).click();
  await expect(page.getByRole('link', { name: new RegExp(day.participant) })).toHaveCount(0);
  await page.getByRole('option', { name: 'No recent contact' }).click();
  await expect(page.getByRole('link', { name: new RegExp(day.participant) }).first()).toBeVisible();
  checks.expectClean();
}

test.describe('a specialist’s day in the caseload', () => {
  test('caseload → no recent contact → participant → goal with two steps → progress → BARC-10 → chart', async ({ page }) => {
    await workday(page, {
      participant: 'Riley Thompson',
      recentlySeen: 'Jamie Lee',
      dimension: 'Health',
      statement: 'Get my blood pressure checked and keep my clinic appointments.',
      steps: ['Book a visit at the community clinic', 'Go to the appointment'],
      assessments: [
        { daysAgo: 28, answer: 3, total: 30 },
        { daysAgo: 0, answer: 4, total: 40 },
      ],
      phone: false,
      width: 1280,
    });
  });
});

test.describe('a specialist’s day in the caseload, on a phone', () => {
  test.use({ viewport: PHONE });

  test('the same journey at 390 × 844', async ({ page }) => {
    await workday(page, {
      participant: 'Gloria Hernandez',
      recentlySeen: 'Dani Ortiz',
      dimension: 'Community',
      statement: 'Get back to my Thursday women’s meeting.',
      steps: ['Ask my sponsor for a ride', 'Go this Thursday'],
      assessments: [{ daysAgo: 0, answer: 5, total: 50 }],
      phone: true,
      width: 390,
    });
  });
});

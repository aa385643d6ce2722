import { expect, type Page, test } from '@playwright/test';
import { DEMO, signInThroughPage } from './demo-sign-in';
import { dialogOpened } from './dialogs';
import { expectAccessible, watchPage } from './page-checks';
import { PHONE, snap } from './screenshots';

interface Journey {
  /** As the caseload shows them. */
  participant: string;
  dimension: 'Health' | 'Home' | 'Purpose' | 'Community';
  statement: string;
  steps: [string, string];
  targetDate: string;
  comment: string;
  /** Whether the demo seeds no goals for this participant (Marcus is kept empty for journeys). */
  startsEmpty: boolean;
  /** Screenshot suffix: the viewport width. */
  width: number;
}

/**
 * Opens a participant from the caseload, opens their recovery plan, adds a goal with two steps,
 * ticks one, records progress, and sees the card's progress change. Screenshots and axe on
 * every page and dialog on the way.
 */
async function buildAPlan(page: Page, journey: Journey) {
  const checks = watchPage(page);
  const shot = (name: string) => snap(page, `recovery-plan-${name}-${journey.width}`);

  await page.goto('/caseload');
  await signInThroughPage(page, DEMO.specialist);
  await page.getByRole('link', { name: new RegExp(journey.participant) }).first().click();
  await expect(page.getByRole('heading', { name: journey.participant, level: 1 })).toBeVisible();
  await page.getByRole('tab', { name: 'Recovery plan' }).click();

  // An empty plan says how to start; every plan shows the four dimensions.
  await expect(page.getByRole('heading', { name: 'Recovery plan', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No goals yet' })).toHaveCount(journey.startsEmpty ? 1 : 0);
  for (const dimension of ['Health', 'Home', 'Purpose', 'Community']) {
    await expect(page.getByRole('region', { name: dimension })).toBeVisible();
  }
  await shot(journey.startsEmpty ? 'empty' : 'seeded');
  await expectAccessible(page);

  // Add a goal, in the participant's words, with two first steps.
  const card = page.getByRole('region', { name: journey.dimension });
  await card.getByRole('button', { name: `Add a ${journey.dimension} goal` }).click();
  const addDialog = await dialogOpened(page.getByRole('dialog', { name: 'Add a goal' }));
  await expect(addDialog.getByRole('radio', { name: journey.dimension })).toBeChecked();
  await addDialog.getByRole('button', { name: 'Add goal' }).click();
  await expect(addDialog.getByText("Write the goal in the participant's words.")).toBeVisible();
  await addDialog.getByLabel("Goal, in the participant's own words").fill(journey.statement);
  await addDialog.getByLabel('Target date (optional)').fill(journey.targetDate);
  await addDialog.getByRole('textbox', { name: 'Step 1', exact: true }).fill(journey.steps[0]);
  await addDialog.getByRole('textbox', { name: 'Step 2', exact: true }).fill(journey.steps[1]);
  await shot('add-goal-dialog');
  await expectAccessible(page);
  await addDialog.getByRole('button', { name: 'Add goal' }).click();
  await expect(addDialog).toHaveCount(0);
  await expect(page.getByRole('status')).toHaveText(`Goal added to ${journey.dimension}.`);
  await expect(page.getByRole('heading', { name: 'No goals yet' })).toHaveCount(0);

  const goal = card.getByRole('article', { name: journey.statement });
  await expect(goal).toBeVisible();
  await expect(goal.getByText('Active', { exact: true })).toBeVisible();
  await expect(goal).toContainText('Steps · 0 of 2 done');
  const cardProgress = card.getByRole('progressbar', { name: new RegExp(`^${journey.dimension}: \\d+ of \\d+ steps done$`) });
  const cardStepsBefore = await cardProgress.getAttribute('aria-label');
  await expect(goal).toContainText('No progress recorded yet.');

  // Tick the first step: it holds, and the card counts it.
  await goal.getByRole('checkbox', { name: journey.steps[0] }).check();
  await expect(page.getByRole('status')).toHaveText(`Step done: ${journey.steps[0]}.`);
  await expect(goal.getByRole('checkbox', { name: journey.steps[0] })).toBeChecked();
  await expect(goal.getByRole('checkbox', { name: journey.steps[1] })).not.toBeChecked();
  await expect(goal).toContainText('Steps · 1 of 2 done');
  const [, doneBefore, totalBefore] = /(\d+) of (\d+)/.exec(cardStepsBefore ?? '') ?? [];
  await expect(cardProgress).toHaveAttribute('aria-label', `${journey.dimension}: ${Number(doneBefore) + 1} of ${totalBefore} steps done`);

  // Record progress: 5 is the starting point for a first rating; two steps right makes 7.
  await goal.getByRole('button', { name: 'Record progress' }).click();
  const progressDialog = await dialogOpened(page.getByRole('dialog', { name: 'Record progress' }));
  const slider = progressDialog.getByRole('slider');
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveValue('7');
  await progressDialog.getByLabel('Comment (optional)').fill(journey.comment);
  await shot('progress-dialog');
  await expectAccessible(page);
  await progressDialog.getByRole('button', { name: 'Record progress' }).click();
  await expect(progressDialog).toHaveCount(0);
  await expect(page.getByRole('status')).toHaveText('Progress recorded: 7 of 10.');

  // The goal's progress bar now stands at 7 of 10.
  const bar = goal.getByRole('progressbar', { name: 'Latest progress: 7 of 10' });
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute('aria-valuenow', '70');
  await expect(goal).toContainText('7/10');
  await expect(goal).toContainText(journey.comment);
  await goal.scrollIntoViewIfNeeded();
  await shot('with-goal');
  await expectAccessible(page);

  // The printed copy: only the plan, black on white, steps as boxes.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation')).toBeHidden();
  await shot('print');
  await page.emulateMedia({ media: 'screen' });

  checks.expectClean();
}

test.describe('recovery plan', () => {
  test('a specialist adds a goal with two steps, ticks one and records progress', async ({ page }) => {
    await buildAPlan(page, {
      participant: 'Marcus Bell',
      dimension: 'Home',
      statement: 'I want my own place where my daughter can stay over on weekends.',
      steps: ['Call the housing authority about the waiting list', 'Visit two apartments near the bus line'],
      targetDate: '2027-03-01',
      comment: 'Got on the waiting list; feels real now.',
      startsEmpty: true,
      width: 1280,
    });
  });
});

test.describe('recovery plan on a phone', () => {
  test.use({ viewport: PHONE });

  test('the same journey works at 390 px', async ({ page }) => {
    await buildAPlan(page, {
      participant: 'Dani Ortiz',
      dimension: 'Purpose',
      statement: 'Go back to school for my medical assistant certificate.',
      steps: ['Ask the community college about evening classes', 'Apply for the fall grant'],
      targetDate: '2027-08-15',
      comment: 'Talked to admissions; evening classes exist.',
      startsEmpty: false,
      width: 390,
    });
  });
});

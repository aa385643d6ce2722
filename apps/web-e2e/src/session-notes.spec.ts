import { expect, type Page, test } from '@playwright/test';
import { DEMO, signInThroughPage } from './demo-sign-in';
import { expectAccessible, watchPage } from './page-checks';
import { PHONE, snap } from './screenshots';

interface Session {
  /** One of Jordan's participants with an active goal in the demo seed. */
  participant: string;
  intervention: string;
  response: string;
  plan: string;
  width: number;
}

/** Most interactions the acceptance allows once the editor is open ("under 10"; typing a field counts as one). */
const MAX_INTERACTIONS = 9;

/**
 * The session-notes acceptance: a specialist writes a GIRP note linked to a recovery-plan goal
 * in under ten interactions, sees the H0038 units computed as they write, reads it back with the
 * participant, signs it, and finds it signed in the list. Screenshots and axe on every screen.
 */
async function writeAndSign(page: Page, session: Session) {
  const checks = watchPage(page);
  // Leaving the participant's overview before its cards have loaded cancels their requests.
  checks.allowCancelled(/\/api\/v1\/participants\/[0-9a-f-]{36}\/(tasks|plan|safety-events|assignments|timeline|access-log|notes)(\?.*)?$/);
  const shot = (name: string) => snap(page, `notes-${name}-${session.width}`);

  await page.goto('/caseload');
  await signInThroughPage(page, DEMO.specialist);
  // Signing in hashes a password and checks a code: on a busy machine that takes more than the default 5 s.
  await expect(page.getByRole('heading', { name: 'Caseload', level: 1 })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('link', { name: new RegExp(session.participant) }).first().click();
  await expect(page.getByRole('heading', { name: session.participant, level: 1 })).toBeVisible();

  // The Notes tab, right after the Overview, with the notes the demo seed wrote.
  await page.getByRole('tab', { name: 'Notes', exact: true }).click();
  await expect(page.getByRole('tab', { name: 'Notes', exact: true })).toHaveAttribute('aria-selected', 'true');
  const notes = page.getByRole('list', { name: 'Session notes' }).getByRole('listitem');
  await expect(notes.first()).toBeVisible();
  const before = await notes.count();
  await page.getByRole('link', { name: 'New note' }).click();
  await expect(page.getByRole('heading', { name: 'New session note' })).toBeVisible();

  // Sensible defaults: half an hour, in person, where the last contact was, GIRP; the units follow from the times.
  await expect(page.getByLabel('Duration (minutes)')).toHaveValue('30');
  await expect(page.getByLabel('Location (optional)')).toHaveValue('Recovery cafe');
  await expect(page.getByRole('combobox', { name: 'Modality' })).toContainText('In person');
  await expect(page.getByRole('combobox', { name: 'Format' })).toContainText('GIRP');
  await expect(page.getByText('2 units (H0038)')).toBeVisible();

  let interactions = 0;
  const act = async (action: () => Promise<unknown>) => {
    interactions += 1;
    await action();
  };

  // 1. Link the goal: the Goal section fills with its statement, in the participant's words.
  const goals = page.getByRole('group', { name: 'Recovery-plan goals worked on' });
  const goal = goals.getByRole('checkbox').first();
  const statement = ((await goals.locator('mat-checkbox').first().textContent()) ?? '').trim();
  expect(statement.length).toBeGreaterThan(5);
  await act(() => goal.check());
  await expect(page.getByRole('textbox', { name: 'Goal', exact: true })).toHaveValue(statement);

  // 2–4. The rest of GIRP, each in its own field; the draft saves itself as it is written.
  await act(() => page.getByRole('textbox', { name: 'Intervention', exact: true }).fill(session.intervention));
  await act(() => page.getByRole('textbox', { name: 'Response', exact: true }).fill(session.response));
  await act(() => page.getByRole('textbox', { name: 'Plan', exact: true }).fill(session.plan));
  await expect(page.getByText('2 units (H0038)')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /Saved at|Saving…|Unsaved changes/ })).toBeVisible();
  await page.getByRole('heading', { name: 'New session note' }).evaluate((heading) => heading.scrollIntoView());
  await shot('editor');
  await expectAccessible(page);

  // 5. Read back: the note in large print to go through with the participant.
  await act(() => page.getByRole('button', { name: 'Read back and sign' }).click());
  const readBack = page.getByRole('dialog', { name: 'Read back' });
  await expect(readBack).toContainText(session.response);
  await expect(readBack).toContainText(statement);
  await expect(readBack).toContainText('Billing: 2 units (H0038)');
  await expect(readBack).toContainText('You sign as Jordan Avery · CPRS.');
  await shot('read-back');
  await expectAccessible(page);
  // 6. Reviewed with the participant (saved to the note).
  await act(() => readBack.getByRole('checkbox', { name: 'Reviewed with the participant' }).check());
  await shot('read-back-reviewed');

  // 7–8. Sign, after a confirmation that names the signer.
  await act(() => readBack.getByRole('button', { name: 'Sign…' }).click());
  const confirm = page.getByRole('alertdialog', { name: 'Sign as Jordan Avery · CPRS?' });
  await act(() => confirm.getByRole('button', { name: 'Sign note' }).click());
  expect(interactions).toBeLessThanOrEqual(MAX_INTERACTIONS);

  // Locked, with the signature: name, credential and time.
  await expect(page.getByRole('status').filter({ hasText: 'Note signed.' })).toBeVisible();
  await expect(page.getByText(/Signed by Jordan Avery · CPRS · /)).toBeVisible();
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await expect(page.getByText('Reviewed with the participant')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add addendum' })).toBeVisible();
  await shot('signed');
  await expectAccessible(page);

  // The list shows it first (newest), signed, with its units.
  await page.getByRole('tab', { name: 'Notes', exact: true }).click();
  await expect(notes).toHaveCount(before + 1);
  await expect(notes.first().locator('lib-note-status-badge')).toHaveText('Signed');
  await expect(notes.first()).toContainText('Individual · In person · 30 min · 2 units (H0038)');
  await shot('list');
  await expectAccessible(page);
  checks.expectClean();
}

test.describe('session notes', () => {
  test('a specialist writes a GIRP note linked to a goal in under 10 interactions, sees the units, and signs it', async ({ page }) => {
    await writeAndSign(page, {
      participant: 'Jamie Lee',
      intervention: 'Looked up the forklift class at the workforce center together and filled in the sign-up form.',
      response: 'Jamie said it felt good to finally start, and wants to practise interview questions next time.',
      plan: 'Jamie calls the workforce center on Thursday; Jordan brings interview practice questions on Monday.',
      width: 1280,
    });
  });
});

test.describe('session notes, on a phone', () => {
  test.use({ viewport: PHONE });

  test('the same note at 390 × 844', async ({ page }) => {
    await writeAndSign(page, {
      participant: 'Dani Ortiz',
      intervention: 'Looked at the medical assistant program together and started the FAFSA on Dani’s phone.',
      response: 'Dani said it feels possible now that the first form is done.',
      plan: 'Dani meets the admissions counselor on Thursday; Jordan texts on Sunday evening to check in.',
      width: 390,
    });
  });
});

import { expect, type Locator } from '@playwright/test';

/**
 * Waits until a Material dialog has finished opening. Material moves focus into a dialog only
 * after its opening animation, and on a busy machine that can come after a journey has begun
 * typing: the rest of the text then lands in whichever field the dialog focuses (in CI a goal's
 * "Step 1" was appended to its statement this way). Call it before typing into, or pressing keys
 * in, a dialog that has just opened.
 */
export async function dialogOpened(dialog: Locator): Promise<Locator> {
  await expect(dialog).toBeVisible();
  await expect
    .poll(() => dialog.evaluate((element) => element.contains(document.activeElement)), { message: 'focus has moved into the dialog' })
    .toBe(true);
  return dialog;
}

import type { Page } from '@playwright/test';
import { join } from 'node:path';

export const SCREENSHOT_DIR = join(__dirname, '../../../test-output/web-e2e/screenshots');

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/** One screenshot at the current size. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/**
 * The page as it stands, at desktop and at phone width (`name-1280.png`, `name-390.png`), then
 * back to the size it had. The pause lets breakpoint-driven layout and its transitions settle.
 */
export async function snapBothWidths(page: Page, name: string): Promise<void> {
  const original = page.viewportSize();
  for (const size of [DESKTOP, PHONE]) {
    await page.setViewportSize(size);
    await page.waitForTimeout(400);
    await snap(page, `${name}-${size.width}`);
  }
  if (original) {
    await page.setViewportSize(original);
    await page.waitForTimeout(400);
  }
}

import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Watches a page for the things every journey must never see: console errors, failed
 * requests, and any request to a host other than this machine (fonts, icons and analytics
 * are all self-hosted; a request elsewhere would leak that someone uses a recovery service).
 */
export function watchPage(page: Page) {
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  const failedRequests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  page.on('request', (request) => {
    const url = new URL(request.url());
    const local = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
    if (!local && !['data:', 'blob:'].includes(url.protocol)) foreignRequests.push(request.url());
  });
  page.on('requestfailed', (request) => failedRequests.push(`${request.url()} ${request.failure()?.errorText}`));
  return {
    expectClean() {
      expect(consoleErrors, 'console errors').toEqual([]);
      expect(foreignRequests, 'requests to non-local hosts').toEqual([]);
      expect(failedRequests, 'failed requests').toEqual([]);
    },
  };
}

/** WCAG 2.2 AA via axe: no serious or critical violations on the page as it stands. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  const severe = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(severe.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

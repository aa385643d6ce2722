import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Watches a page for the things every journey must never see: console errors, failed
 * requests, and any request to a host other than this machine (fonts, icons and analytics
 * are all self-hosted; a request elsewhere would leak that someone uses a recovery service).
 */
export function watchPage(page: Page) {
  const consoleErrors: { text: string; url: string }[] = [];
  const foreignRequests: string[] = [];
  const failedRequests: { url: string; error: string }[] = [];
  const refusals: { status: number; url: RegExp }[] = [];
  const cancellable: RegExp[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push({ text: message.text(), url: message.location().url });
  });
  page.on('pageerror', (error) => consoleErrors.push({ text: error.message, url: '' }));
  page.on('request', (request) => {
    const url = new URL(request.url());
    const local = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
    if (!local && !['data:', 'blob:'].includes(url.protocol)) foreignRequests.push(request.url());
  });
  page.on('requestfailed', (request) => failedRequests.push({ url: request.url(), error: request.failure()?.errorText ?? '' }));
  /** Chromium logs every 4xx response as a console error; drop those the journey provoked. */
  const unexpected = () =>
    consoleErrors
      .filter(({ text, url }) => {
        const status = Number(/status of (\d{3})/.exec(text)?.[1]);
        return !refusals.some((refusal) => refusal.status === status && refusal.url.test(url));
      })
      .map(({ text, url }) => (url ? `${text} (${url})` : text));
  /**
   * Chromium can also report a refused request as aborted: the app drops the finished response
   * when it moves on to sign-in. Only a declared refusal's URL is excused, and only as aborted.
   */
  const unexpectedFailures = () =>
    failedRequests
      .filter(
        ({ url, error }) =>
          !(error === 'net::ERR_ABORTED' && (refusals.some((refusal) => refusal.url.test(url)) || cancellable.some((pattern) => pattern.test(url)))),
      )
      .map(({ url, error }) => `${url} ${error}`);
  return {
    /**
     * Declares a refusal the journey causes on purpose (a wrong password, a session ended by an
     * admin), so its console line is not counted. Name the status and URL exactly: everything
     * else still fails the check.
     */
    expectRefusal(status: number, url: RegExp) {
      refusals.push({ status, url });
    },
    /**
     * Declares a request the app may cancel on purpose (a check superseded by a newer one, or
     * dropped when the page is left): only its abort is excused, nothing else about it.
     */
    allowCancelled(url: RegExp) {
      cancellable.push(url);
    },
    expectClean() {
      expect(unexpected(), 'console errors').toEqual([]);
      expect(foreignRequests, 'requests to non-local hosts').toEqual([]);
      expect(unexpectedFailures(), 'failed requests').toEqual([]);
    },
  };
}

/** WCAG 2.2 AA via axe: no serious or critical violations on the page as it stands. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  const severe = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(severe.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

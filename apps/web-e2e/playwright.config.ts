import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Journeys in Debian's Chromium (never a downloaded browser) against the built product on
 * one port. The flags keep Chromium from calling Google's hosts, which this network refuses.
 */
const port = Number(process.env['E2E_PORT'] ?? 4310);
const chromium = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  throw new Error(`Chromium not found at ${chromium}. Install it with: apt-get install -y chromium (or set CHROMIUM_PATH)`);
}

export default defineConfig({
  testDir: './src',
  // E2E_RESULTS_DIR lets two runs on one machine (each with its own E2E_PORT) keep their traces apart.
  outputDir: process.env['E2E_RESULTS_DIR'] ?? join(__dirname, '../../test-output/web-e2e/results'),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  // A journey signs in, visits several pages and runs axe on each: on a busy 2-core machine the
  // longest took over 30 s (measured while other builds ran), so each gets 90 s.
  timeout: 90_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `node ${join(__dirname, 'e2e-server.mjs')}`,
    url: `http://127.0.0.1:${port}/api/ready`,
    timeout: 60000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15000 },
    env: { E2E_PORT: String(port) },
  },
});

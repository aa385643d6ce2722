/**
 * Waypoint API entry point: validate configuration, make the database ready (embedded when
 * no DATABASE_URL), build the app, listen, and shut down gracefully on SIGTERM/SIGINT.
 */
import { ConfigurationError, loadConfiguration } from '@waypoint/api-config';
import { DatabaseSetupError, expectDatabaseShutdown, prepareDatabase, type PreparedDatabase } from '@waypoint/api-database';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { banner, consoleLog } from './app/console-log';
import { createApp } from './app/create-app';
import { seedOnFirstStart } from './app/demo-seeding';

async function main(): Promise<void> {
  const startedAt = Date.now();
  const config = loadConfiguration();
  if (config.secrets.source === 'generated') consoleLog.info(`Generated local secrets in ${config.dataDir}/secrets.json`);

  const database = await prepareDatabase(config, consoleLog);
  const running: { app?: NestExpressApplication } = {};
  installShutdown(() => running.app, database, config.shutdownTimeoutMs);
  if (database.applied.length > 0) consoleLog.info(`Applied migrations: ${database.applied.join(', ')}`);
  const demoLines = await seedOnFirstStart(config, database);

  const app = (running.app = await createApp(config, database.appUrl));
  await app.listen(config.port, config.host);
  const shownHost = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  const url = `http://${shownHost}:${config.port}/`;
  banner([
    `Waypoint is ready at ${url}  (${Date.now() - startedAt} ms)`,
    config.http.webDistDir ? 'Dashboard and API on this one port.' : 'API only: the dashboard is not built (npm start builds it).',
    `Database: ${database.embedded ? `embedded PostgreSQL in ${config.dataDir}/postgres` : 'DATABASE_URL'}`,
    `API docs: ${url}api/docs`,
    ...demoLines,
    'Press Ctrl-C to stop.',
  ]);
}

/**
 * Stop accepting connections, let in-flight requests finish, close the pool, then stop the
 * embedded server. A second signal, or the timeout, ends the process regardless.
 */
function installShutdown(
  getApp: () => NestExpressApplication | undefined,
  database: PreparedDatabase,
  timeoutMs: number,
): void {
  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) {
      consoleLog.info(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    expectDatabaseShutdown();
    consoleLog.info(`${signal} received: finishing open requests and shutting down`);
    setTimeout(() => {
      consoleLog.error(`Shutdown took longer than ${timeoutMs} ms; exiting`);
      process.exit(1);
    }, timeoutMs).unref();
    try {
      await getApp()?.close();
      await database.stop();
      consoleLog.info('Stopped cleanly');
      process.exit(0);
    } catch (error) {
      consoleLog.error(`Shutdown failed: ${(error as Error).message}`);
      process.exit(1);
    }
  };
  process.on('SIGTERM', (signal) => void shutdown(signal));
  process.on('SIGINT', (signal) => void shutdown(signal));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigurationError || error instanceof DatabaseSetupError) {
    consoleLog.error(error.message);
    process.stderr.write(`\n${error.message}\n\n`);
  } else {
    consoleLog.error(`Waypoint failed to start: ${(error as Error)?.stack ?? String(error)}`);
  }
  // The embedded server's exit hook stops PostgreSQL on the way out.
  process.exit(1);
});

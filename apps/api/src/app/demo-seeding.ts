import type { AppConfig } from '@waypoint/api-config';
import type { PreparedDatabase } from '@waypoint/api-database';
import { seedDemoProgram } from '@waypoint/api-demo-data';
import { consoleLog } from './console-log';

/**
 * Seeds the demo program on the first start of a brand-new embedded database only: never an
 * external database, never one that already holds data (that needs `npm run db:seed`).
 * Returns the lines to print once, with the demo sign-ins.
 */
export async function seedOnFirstStart(config: AppConfig, database: PreparedDatabase): Promise<string[]> {
  if (!database.embedded || !database.created || config.demoSeed === 'never') return [];
  const outcome = await seedDemoProgram(database.ownerUrl, { encryptionKey: config.secrets.encryptionKey });
  if (!outcome.seeded) {
    consoleLog.info(`Demo data not seeded: ${outcome.reason}`);
    return [];
  }
  return [
    `Demo program seeded with ${outcome.participants} synthetic participants. Demo sign-ins (shown once):`,
    ...outcome.accounts.map((account) => `  ${account.role.padEnd(11)} ${account.email}`),
    `  password    ${outcome.password}`,
    `  TOTP secret ${outcome.totpSecret}  (add it to an authenticator app; demo data only)`,
  ];
}

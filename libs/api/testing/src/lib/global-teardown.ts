type Stop = () => Promise<void>;
const globals = globalThis as typeof globalThis & { __waypointStopTestDatabase?: Stop };

/** Stops the embedded server started by global-setup.ts (nothing to do for TEST_DATABASE_URL). */
export default async function globalTeardown(): Promise<void> {
  await globals.__waypointStopTestDatabase?.();
}

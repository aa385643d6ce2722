/**
 * Cleanup steps registered as resources are acquired and run once, newest first, whether the
 * bench finishes, fails or is interrupted. A failing step is reported and the rest still run,
 * so a refused DROP DATABASE never leaves an embedded server behind.
 */
export class Teardown {
  private readonly steps: { name: string; run: () => Promise<void> }[] = [];
  private running: Promise<void> | undefined;

  defer(name: string, run: () => Promise<void>): void {
    this.steps.push({ name, run });
  }

  run(): Promise<void> {
    this.running ??= (async () => {
      for (const step of this.steps.reverse()) {
        try {
          await step.run();
        } catch (error) {
          process.stderr.write(`cleanup: could not ${step.name}: ${(error as Error).message}\n`);
        }
      }
    })();
    return this.running;
  }
}

/** Latency samples of an async operation, and what they add up to; plain numbers, no judgement. */
export class Samples {
  private readonly values: number[] = [];
  private busySeconds = 0;

  /** Runs `operation` once and records how long it took, in milliseconds. */
  async time(operation: () => Promise<unknown>): Promise<void> {
    const started = performance.now();
    await operation();
    this.values.push(performance.now() - started);
  }

  /**
   * Keeps `concurrency` callers busy for `seconds`, recording every completion. Throughput is
   * completions over the wall time of all such bursts, so several short bursts taken in turn
   * with other subjects add up to one long one.
   */
  async saturate(operation: () => Promise<unknown>, concurrency: number, seconds: number): Promise<void> {
    const started = performance.now();
    const deadline = started + seconds * 1000;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < deadline) await this.time(operation);
      }),
    );
    this.busySeconds += (performance.now() - started) / 1000;
  }

  get count(): number {
    return this.values.length;
  }

  get perSecond(): number {
    return this.values.length / this.busySeconds;
  }

  /** The `p`th percentile in milliseconds (nearest rank). */
  percentile(p: number): number {
    const sorted = [...this.values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
  }
}

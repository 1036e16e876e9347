/**
 * The local runtime's clock for what AWS does on its own time (a bucket's lifecycle rules): the
 * wall clock, moved on by `advance` in tests. The service's own times are not moved by it; tests
 * move those by rewriting stored times.
 */
export class LocalClock {
  private offsetMs = 0;

  /** Milliseconds since the epoch, as the emulated AWS side sees them. */
  now(): number {
    return Date.now() + this.offsetMs;
  }

  /** Moves the clock on by `ms` (never back: AWS's time does not run backwards). */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new Error(`the clock moves forward only, not by ${ms} ms`);
    this.offsetMs += ms;
  }
}

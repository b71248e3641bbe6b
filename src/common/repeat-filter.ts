/**
 * Thins out a message that repeats (a connection error every few milliseconds during an outage): the
 * first of a run passes, then at most one per interval, each carrying how many were held back.
 */
export class RepeatFilter {
  private readonly last = new Map<string, { message: string; at: number; held: number }>();

  constructor(private readonly intervalMs = 60_000) {}

  /** `null` to drop this occurrence; otherwise how many identical ones were dropped since the last that passed. */
  pass(key: string, message: string, now = Date.now()): number | null {
    const prev = this.last.get(key);
    if (prev && prev.message === message && now - prev.at < this.intervalMs) {
      prev.held += 1;
      return null;
    }
    const held = prev && prev.message === message ? prev.held : 0;
    this.last.set(key, { message, at: now, held: 0 });
    return held;
  }

  /** Forget `key` (the condition ended), so its next occurrence is logged at once. */
  reset(key: string): void {
    this.last.delete(key);
  }
}

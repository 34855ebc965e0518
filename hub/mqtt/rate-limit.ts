/**
 * Connection attempts per remote address in a sliding one-minute window. Every CONNECT counts, good or
 * bad, because the check runs before credentials are looked at (that is the point: a flood never reaches
 * scrypt). Devices reconnect with backoff, so a healthy driver host with many devices stays well under.
 */
export class AttemptLimiter {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    private readonly maxPerWindow: number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records an attempt; false when the address is over its budget (the attempt still counts). */
  allow(address: string): boolean {
    const now = this.now();
    const recent = (this.attempts.get(address) ?? []).filter((at) => now - at < this.windowMs);
    recent.push(now);
    this.attempts.set(address, recent);
    this.prune(now);
    return recent.length <= this.maxPerWindow;
  }

  /** Forgets quiet addresses so the map cannot grow with every address ever seen. */
  private prune(now: number): void {
    if (this.attempts.size < 1024) return;
    for (const [address, times] of this.attempts) {
      if (times.every((at) => now - at >= this.windowMs)) this.attempts.delete(address);
    }
  }
}

/**
 * UnifiedPOS-style exclusive use: one holder at a time, re-entrant for the same holder, others wait up to
 * their timeout. Drivers use it for claim()/release(); the host claims around each command so a till that
 * is weighing is never interleaved with another till's zero or tare.
 */
export class ClaimLock {
  private holder: string | null = null;
  private depth = 0;
  private waiters: { holder: string; resolve: (ok: boolean) => void; timer: NodeJS.Timeout }[] = [];

  get heldBy(): string | null {
    return this.holder;
  }

  acquire(holder: string, timeoutMs: number): Promise<boolean> {
    if (this.holder === null || this.holder === holder) {
      this.holder = holder;
      this.depth++;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const waiter = {
        holder,
        resolve,
        timer: setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          resolve(false);
        }, timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  release(holder: string): void {
    if (this.holder !== holder) return;
    if (--this.depth > 0) return;
    this.holder = null;
    const next = this.waiters.shift();
    if (!next) return;
    clearTimeout(next.timer);
    this.holder = next.holder;
    this.depth = 1;
    next.resolve(true);
  }

  /** Refuses every waiter (the device is closing). */
  reset(): void {
    for (const waiter of this.waiters.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.resolve(false);
    }
    this.holder = null;
    this.depth = 0;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

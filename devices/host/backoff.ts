/**
 * Exponential backoff with full jitter, capped: the n-th delay is uniform in [initial, min(max,
 * initial * 2^n)]. Jitter matters when a hub restarts and every lane's agent reconnects at once: without it
 * they would all retry in lock-step.
 */
export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
  random?: () => number;
}

export class Backoff {
  private attempt = 0;

  constructor(private readonly options: BackoffOptions) {}

  next(): number {
    const { initialMs, maxMs, random = Math.random } = this.options;
    const ceiling = Math.min(maxMs, initialMs * 2 ** Math.min(this.attempt, 30));
    this.attempt++;
    return Math.round(initialMs + random() * (ceiling - initialMs));
  }

  reset(): void {
    this.attempt = 0;
  }

  get attempts(): number {
    return this.attempt;
  }
}

/** Timers a module can cancel all at once in stop(): sleeps resolve early instead of leaking. */
export class Timers {
  private readonly pending = new Map<NodeJS.Timeout, () => void>();
  private readonly intervals = new Set<NodeJS.Timeout>();

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(timer);
        resolve();
      }, ms);
      this.pending.set(timer, resolve);
    });
  }

  every(ms: number, run: () => void): void {
    this.intervals.add(setInterval(run, ms));
  }

  clear(): void {
    for (const [timer, resolve] of this.pending) {
      clearTimeout(timer);
      resolve();
    }
    this.pending.clear();
    for (const interval of this.intervals) clearInterval(interval);
    this.intervals.clear();
  }
}

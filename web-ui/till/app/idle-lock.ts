/**
 * Locks the till after a stretch without input. The clock and timer are injected so tests drive time by
 * hand; the browser passes Date.now and window timers.
 */
export interface IdleTimers {
  now: () => number;
  setTimeout: (run: () => void, ms: number) => number;
  clearTimeout: (id: number) => void;
}

export const DEFAULT_IDLE_LOCK_MINUTES = 5;

export class IdleLock {
  #last = 0;
  #timer: number | undefined;
  #armed = false;

  constructor(
    private readonly idleMs: number,
    private readonly onIdle: () => void,
    private readonly timers: IdleTimers,
  ) {}

  /** Starts watching (after a cashier logs in). */
  arm(): void {
    this.#armed = true;
    this.activity();
  }

  /** Stops watching (logged out or locked). */
  disarm(): void {
    this.#armed = false;
    if (this.#timer !== undefined) this.timers.clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  get armed(): boolean {
    return this.#armed;
  }

  /** Any pointer, key or scan counts; called often, so it only notes the time. */
  activity(): void {
    if (!this.#armed) return;
    this.#last = this.timers.now();
    if (this.#timer === undefined) this.#schedule(this.idleMs);
  }

  #schedule(ms: number): void {
    this.#timer = this.timers.setTimeout(() => {
      this.#timer = undefined;
      if (!this.#armed) return;
      const idle = this.timers.now() - this.#last;
      if (idle >= this.idleMs) {
        this.disarm();
        this.onIdle();
      } else {
        // Activity came in meanwhile: wait out the rest instead of resetting a timer on every keypress.
        this.#schedule(this.idleMs - idle);
      }
    }, ms);
  }
}

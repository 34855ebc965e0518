/**
 * The window's timers in the shape the till's pure logic takes them (CartSync, PaymentRunner, CashQuotes,
 * CompletionQueue): a handle is opaque to whoever holds it, so tests can pass their own clock.
 */
export const windowTimers = {
  setTimeout: (run: () => void, ms: number): unknown => window.setTimeout(run, ms),
  clearTimeout: (handle: unknown): void => {
    window.clearTimeout(handle as number);
  },
};

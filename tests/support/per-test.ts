import { afterEach, beforeEach } from 'vitest';

/**
 * A fixture made afresh for each test of the file (or describe block) this is called in: `make()` before
 * each test, `close()` after it. The object returned is the same throughout, and its fields are always the
 * current test's (they are copied in before each test), so tests read `app.t`, `app.seed` and so on.
 */
export function perTest<T extends object>(
  make: () => T | Promise<T>,
  close: (value: T) => void | Promise<void>,
): T {
  // Filled in before each test; nothing reads it before then.
  const live = {} as T;
  beforeEach(async () => {
    Object.assign(live, await make());
  });
  afterEach(async () => {
    await close(live);
  });
  return live;
}

// Timing loops shared by the benchmarks: each call timed on its own with hrtime, after a warm-up that is
// not recorded (JIT, statement cache and page cache settle first).
import { elapsedMs } from './stats.js';

/** Runs `fn` for every item in order and returns each call's duration in ms. */
export async function timeEach<T>(
  items: readonly T[],
  fn: (item: T) => unknown,
  warmup = Math.min(50, items.length),
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(items[i % items.length] as T);
  const samples: number[] = [];
  for (const item of items) {
    const start = process.hrtime.bigint();
    await fn(item);
    samples.push(elapsedMs(start));
  }
  return samples;
}

/** `count` items drawn in turn from `pool` (a query mix repeated to the sample size). */
export function cycle<T>(pool: readonly T[], count: number): T[] {
  if (pool.length === 0) return [];
  return Array.from({ length: count }, (_, i) => pool[i % pool.length] as T);
}

/**
 * How long to wait before retry number `attempt` (0 = the first retry): doubling from `baseMs` up to
 * `maxMs`, so a hub that is away for a minute is asked a handful of times, not hundreds, and one that is
 * back is noticed within `maxMs`.
 */
export function backoffMs(attempt: number, baseMs = 2_000, maxMs = 60_000): number {
  const steps = Math.max(0, Math.min(Math.floor(attempt), 30));
  return Math.min(maxMs, baseMs * 2 ** steps);
}

/**
 * Access policy in one place, so the numbers the docs quote are the numbers the code uses.
 *
 * - PIN lockout (per staff member, shared by till login and supervisor override): the 3rd consecutive
 *   wrong PIN locks for 30 s, every further one doubles the lock, capped at 15 min. A correct PIN resets.
 *   A 4-digit PIN then needs weeks of constant guessing, while a cashier who mistypes waits seconds.
 * - Till staff session: 12 h from login (one long shift), or until logout, another login at that till,
 *   the staff member is deactivated or the till revoked.
 * - Admin session: 8 h idle, 24 h absolute; activity is written at most once a minute.
 * - Admin password login: 10 failures from one address within 15 min refuse further tries (429) until
 *   the oldest failure leaves the window. Per address rather than per account, so nobody can lock the
 *   manager out of the admin pages by typing wrong passwords for them.
 * - Pairing: a code lives 15 min; at most 20 pending requests at once so an anonymous caller cannot
 *   fill the table or crowd the 6-digit code space.
 */
export const PIN_LOCK_AFTER_FAILURES = 3;
export const PIN_LOCK_BASE_MS = 30_000;
export const PIN_LOCK_MAX_MS = 15 * 60_000;

export const TILL_SESSION_MS = 12 * 3_600_000;
export const ADMIN_IDLE_MS = 8 * 3_600_000;
export const ADMIN_ABSOLUTE_MS = 24 * 3_600_000;
export const TOUCH_INTERVAL_MS = 60_000;

export const PASSWORD_FAILURE_WINDOW_MS = 15 * 60_000;
export const PASSWORD_FAILURES_PER_ADDRESS = 10;

export const PAIRING_TTL_MS = 15 * 60_000;
export const MAX_PENDING_PAIRINGS = 20;

export const ADMIN_COOKIE = 'hub_admin';

/** Lock duration after the given number of consecutive failures, or 0 for no lock. */
export function lockDurationMs(consecutiveFailures: number): number {
  if (consecutiveFailures < PIN_LOCK_AFTER_FAILURES) return 0;
  const doublings = consecutiveFailures - PIN_LOCK_AFTER_FAILURES;
  // 2^5 * 30 s already exceeds the cap; stop before the shift grows.
  if (doublings >= 5) return PIN_LOCK_MAX_MS;
  return Math.min(PIN_LOCK_BASE_MS * 2 ** doublings, PIN_LOCK_MAX_MS);
}

export function addMs(iso: string, ms: number): string {
  return new Date(Date.parse(iso) + ms).toISOString();
}

export function secondsUntil(fromIso: string, untilIso: string): number {
  return Math.max(1, Math.ceil((Date.parse(untilIso) - Date.parse(fromIso)) / 1000));
}

// Scans come from the outside world, so a bad one is an expected outcome, not a fault: every parser here
// returns this instead of throwing, and the reason is worded for a cashier or a support log.
export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T>(reason: string): Result<T> {
  return { ok: false, reason };
}

export function isDigits(s: string): boolean {
  return /^[0-9]+$/.test(s);
}

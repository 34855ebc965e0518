/** Plain numbers and dates in the store's locale and time zone (Intl; no hand-made separators). */
export function formatInteger(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

export function formatDateTime(iso: string, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone === undefined ? {} : { timeZone }),
  }).format(new Date(iso));
}

/** "4:05" for a wait of 245 s: minutes and seconds, the way a lock-out countdown reads. */
export function formatCountdown(totalSeconds: number): string {
  const seconds = Math.max(0, Math.ceil(totalSeconds));
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}

/** "450 g" / "450 克": a weight in whole grams with the locale's own unit. */
export function formatGrams(grams: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'gram', maximumFractionDigits: 0 }).format(
    grams,
  );
}

/** A rate in basis points as a percent in the locale's way: 1250 -> "12.5 %" / "12,5 %". */
export function formatPercentBp(bp: number, locale: string): string {
  // A display of a rate, not money: the division is exact enough for two decimals of a percent.
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(bp / 10_000);
}

/**
 * An amount typed by a person ("500", "500.00", "500,5") to integer minor units with the currency's
 * exponent, from the digits alone (no float). Null for anything else or too many decimals.
 */
export function parseMajorAmount(text: string, exponent: number): number | null {
  const m = /^\s*(\d{1,9})(?:[.,](\d*))?\s*$/.exec(text);
  if (!m) return null;
  const whole = m[1] ?? '0';
  const fraction = m[2] ?? '';
  if (fraction.length > exponent) return null;
  const minor = Number(whole + fraction.padEnd(exponent, '0'));
  return Number.isSafeInteger(minor) ? minor : null;
}

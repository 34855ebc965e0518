// Money as people type it in spreadsheets, to and from integer minor units. Never through a float.

export type MoneyParse = { ok: true; minor: number } | { ok: false; reason: string };

/**
 * Parses "12.50", "12,50", "1 234,50", "1.234,50" or "1,234.50" into minor units of a currency with
 * `exponent` decimals. With one kind of separator it is the decimal point (so "1,234" in a 2-decimal
 * currency is refused as three decimals rather than guessed to be a thousand); with both, the last one is.
 */
export function parseMoney(text: string, exponent: number): MoneyParse {
  const compact = text.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (compact === '') return { ok: false, reason: 'is empty' };
  if (compact.startsWith('-')) return { ok: false, reason: `"${text}" is negative` };
  if (!/^[\d.,]+$/.test(compact)) return { ok: false, reason: `"${text}" is not an amount` };
  const lastSep = Math.max(compact.lastIndexOf('.'), compact.lastIndexOf(','));
  let whole = compact;
  let fraction = '';
  if (lastSep >= 0) {
    const decimalMark = compact[lastSep];
    const thousands = decimalMark === '.' ? ',' : '.';
    const head = compact.slice(0, lastSep);
    if (head.includes(decimalMark ?? '')) return { ok: false, reason: `"${text}" has two decimal marks` };
    if (head.includes(thousands) && !/^\d{1,3}([.,]\d{3})*$/.test(head))
      return { ok: false, reason: `"${text}" has misplaced thousands separators` };
    whole = head.replace(/[.,]/g, '');
    fraction = compact.slice(lastSep + 1);
  }
  if (!/^\d+$/.test(whole)) return { ok: false, reason: `"${text}" is not an amount` };
  if (fraction.length > exponent) {
    return {
      ok: false,
      reason:
        exponent === 0
          ? `"${text}" has decimals, the currency has none`
          : `"${text}" has more than ${exponent} decimals`,
    };
  }
  const minorText = whole + fraction.padEnd(exponent, '0');
  const minor = Number(minorText);
  if (!Number.isSafeInteger(minor)) return { ok: false, reason: `"${text}" is too large` };
  return { ok: true, minor };
}

/** Minor units as a plain decimal with `exponent` decimals and the given mark: 1250 -> "12.50". */
export function formatMoney(minor: number, exponent: number, decimalMark: '.' | ','): string {
  if (exponent === 0) return String(minor);
  const digits = String(minor).padStart(exponent + 1, '0');
  return `${digits.slice(0, -exponent)}${decimalMark}${digits.slice(-exponent)}`;
}

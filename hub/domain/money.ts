// Money is an integer count of minor units (cents, øre, fen) held in a `number` that is always a safe
// integer. Products and quotients are taken in BigInt so an intermediate like price * grams can exceed
// 2^53 without silently losing units; the result is checked back into the safe range.

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** An amount left the safe integer range. Callers that can refuse the request catch exactly this. */
export class MoneyOverflowError extends RangeError {
  constructor(name: string) {
    super(`${name} is outside the safe integer range (±${Number.MAX_SAFE_INTEGER} minor units)`);
    this.name = 'MoneyOverflowError';
  }
}

/**
 * The one rounding function of the codebase: numerator / denominator to the nearest integer, halves away
 * from zero. Away-from-zero keeps a refund the exact mirror of its sale (-2.5 -> -3 as 2.5 -> 3), which
 * banker's or half-up rounding would not.
 */
export function divRound(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('divRound: division by zero');
  const n = denominator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = n / d;
  const remainder = n % d;
  const twiceRemainder = (remainder < 0n ? -remainder : remainder) * 2n;
  if (twiceRemainder < d) return quotient;
  return n < 0n ? quotient - 1n : quotient + 1n;
}

/** `divRound` for callers that want minor units back; throws MoneyOverflowError if the result is unsafe. */
export function divRoundToNumber(numerator: bigint, denominator: bigint, name = 'result'): number {
  return toSafeNumber(divRound(numerator, denominator), name);
}

export function toSafeNumber(value: bigint, name: string): number {
  if (value > MAX_SAFE || value < -MAX_SAFE) throw new MoneyOverflowError(name);
  return Number(value);
}

/** Throws a RangeError naming the field unless `n` is a safe integer (so never a float, NaN or 2^53). */
export function assertMinor(n: unknown, name: string): asserts n is number {
  if (!Number.isSafeInteger(n)) {
    throw new RangeError(`${name} must be a safe integer number of minor units, got ${String(n)}`);
  }
}

/**
 * Largest-remainder proration: splits `total` into integer parts proportional to `weights` that always
 * sum exactly to `total`. Each part is within one unit of its exact share, a zero weight gets nothing
 * (unless every weight is zero, then the total is spread evenly), and ties for a leftover unit go to the
 * lower index so the same input always gives the same split.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  assertMinor(total, 'total');
  for (const [i, w] of weights.entries()) {
    if (!Number.isSafeInteger(w) || w < 0) {
      throw new RangeError(`weights[${i}] must be a non-negative safe integer, got ${String(w)}`);
    }
  }
  if (weights.length === 0) {
    if (total === 0) return [];
    throw new RangeError(`allocate: cannot spread ${total} over no parts`);
  }
  const effective = weights.some((w) => w > 0) ? weights : weights.map(() => 1);
  // Split the magnitude and restore the sign, so a negative total splits as the mirror of the positive one.
  const negative = total < 0;
  const magnitude = BigInt(negative ? -total : total);
  const weightSum = effective.reduce((sum, w) => sum + BigInt(w), 0n);
  const shares = effective.map((w, index) => {
    const exact = magnitude * BigInt(w);
    return { index, base: exact / weightSum, remainder: exact % weightSum };
  });
  // The remainders sum to leftover * weightSum and each is below weightSum, so leftover < parts.
  const leftover = Number(magnitude - shares.reduce((sum, s) => sum + s.base, 0n));
  const byRemainder = [...shares].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  const bumped = new Set(byRemainder.slice(0, leftover).map((s) => s.index));
  return shares.map((s) => {
    const part = Number(s.base + (bumped.has(s.index) ? 1n : 0n));
    return negative && part !== 0 ? -part : part; // no -0: it prints and serialises oddly
  });
}

// ISO 4217 minor-unit exponents. TWD and CNY are 2 as ISO lists them, even though cash in Taiwan is
// handled in whole dollars: that is cash rounding (cash-rounding.ts), not a different unit.
const EXPONENTS: ReadonlyMap<string, number> = new Map([
  ...['AED', 'AUD', 'BGN', 'BRL', 'CAD', 'CHF', 'CNY', 'CZK', 'DKK', 'EUR', 'GBP', 'HKD', 'HUF'].map(
    (c) => [c, 2] as const,
  ),
  ...['IDR', 'ILS', 'INR', 'MXN', 'MYR', 'NOK', 'NZD', 'PHP', 'PLN', 'RON', 'SEK', 'SGD', 'THB'].map(
    (c) => [c, 2] as const,
  ),
  ...['TRY', 'TWD', 'UAH', 'USD', 'ZAR'].map((c) => [c, 2] as const),
  ...['CLP', 'ISK', 'JPY', 'KRW', 'VND'].map((c) => [c, 0] as const),
  ...['BHD', 'JOD', 'KWD', 'OMR', 'TND'].map((c) => [c, 3] as const),
]);

/** Codes are matched exactly (upper case, as ISO writes them and as the database stores them). */
export function isKnownCurrency(code: string): boolean {
  return EXPONENTS.has(code);
}

/** Number of decimal places of the currency's minor unit; throws a RangeError for an unknown code. */
export function currencyExponent(code: string): number {
  const exponent = EXPONENTS.get(code);
  if (exponent === undefined) throw new RangeError(`Unknown currency code "${code}"`);
  return exponent;
}

import { divRound } from '../money.js';
import { fail, isDigits, ok, type Result } from './result.js';

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
// Wider than any real currency (0..4) or GS1 decimal indicator (0..9); it only keeps 10n ** n bounded.
const MAX_DECIMALS = 18;

/**
 * How a value with more decimals than the target unit is brought down: `exact` refuses to drop a
 * non-zero digit (money: a fraction of a cent on a label is a mistake, not something to round away),
 * `round` uses the codebase's one rounding function (weights: 1.2345 kg is fairly 1235 g).
 */
export type Rescale = 'exact' | 'round';

/**
 * Reads a string of digits that carries `fromDecimals` implied decimals and expresses it as an integer
 * count of units with `toDecimals` decimals (e.g. kg with 3 decimals -> grams is toDecimals 3).
 * BigInt because GS1 price fields hold up to 15 digits, beyond what a double keeps exact.
 */
export function rescaleDigits(
  digits: string,
  fromDecimals: number,
  toDecimals: number,
  mode: Rescale,
): Result<number> {
  if (!isDigits(digits)) return fail(`"${digits}" is not a string of digits`);
  if (!isDecimalCount(fromDecimals) || !isDecimalCount(toDecimals)) {
    return fail(`decimal places must be whole numbers from 0 to ${MAX_DECIMALS}`);
  }
  const value = BigInt(digits);
  let scaled: bigint;
  if (toDecimals >= fromDecimals) {
    scaled = value * 10n ** BigInt(toDecimals - fromDecimals);
  } else {
    const divisor = 10n ** BigInt(fromDecimals - toDecimals);
    if (mode === 'exact' && value % divisor !== 0n) {
      return fail(
        `${digits} with ${fromDecimals} decimals is not a whole number of units with ${toDecimals}`,
      );
    }
    scaled = divRound(value, divisor);
  }
  if (scaled > MAX_SAFE) return fail(`${digits} is too large`);
  return ok(Number(scaled));
}

function isDecimalCount(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0 && n <= MAX_DECIMALS;
}

import { divRound } from '../../hub/domain/money.js';

/**
 * Weights as integer grams. A frame carries a decimal string ("1.234", "02.50") in kg, lb, oz or g; it is
 * read as an integer mantissa and a count of decimals, then converted with the codebase's one rounding
 * function, so no float ever holds a weight (0.1 lb is not exactly representable as a double).
 */
export type WeightUnit = 'kg' | 'g' | 'lb' | 'oz';

export type WeightCondition = 'ok' | 'moving' | 'over_capacity' | 'under_zero' | 'zero' | 'error';

/** One answer of a scale to a weight or status request, protocol-independent. */
export interface ScaleReading {
  /** Net weight in grams; null when the scale sent a status instead of a weight. */
  grams: number | null;
  stable: boolean;
  condition: WeightCondition;
}

// Exact definitions: 1 lb = 0.45359237 kg (international pound), 1 oz = 1/16 lb.
const GRAMS_PER_UNIT: Record<WeightUnit, { num: bigint; den: bigint }> = {
  kg: { num: 1000n, den: 1n },
  g: { num: 1n, den: 1n },
  lb: { num: 45_359_237n, den: 100_000n },
  oz: { num: 45_359_237n, den: 1_600_000n },
};

const DECIMAL = /^([+-])?\s*(\d*)(?:\.(\d*))?$/;

/**
 * "1.234" kg -> 1234; "-0.50" lb -> -227. `impliedDecimals` is for frames that send digits without a
 * point (Toledo "01234" meaning 1.234). Returns null for anything that is not a plain decimal number.
 */
export function toGrams(text: string, unit: WeightUnit, impliedDecimals = 0): number | null {
  const match = DECIMAL.exec(text.trim());
  if (!match) return null;
  const [, sign, whole = '', fraction] = match;
  if (whole === '' && (fraction ?? '') === '') return null;
  const decimals = fraction === undefined ? impliedDecimals : fraction.length;
  const mantissa = BigInt(`${whole}${fraction ?? ''}` || '0') * (sign === '-' ? -1n : 1n);
  const { num, den } = GRAMS_PER_UNIT[unit];
  return Number(divRound(mantissa * num, den * 10n ** BigInt(decimals)));
}

/** Grams as a decimal string in `unit` with `decimals` places, for simulators that play a real scale. */
export function fromGrams(grams: number, unit: WeightUnit, decimals: number): string {
  const { num, den } = GRAMS_PER_UNIT[unit];
  const scaled = divRound(BigInt(grams) * den * 10n ** BigInt(decimals), num);
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(decimals + 1, '0');
  const text = decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  return negative ? `-${text}` : text;
}

/** The condition a reading reports, in the priority a cashier needs to hear it. */
export function conditionOf(flags: {
  motion: boolean;
  over: boolean;
  under: boolean;
  zero: boolean;
  error?: boolean;
}): WeightCondition {
  if (flags.error) return 'error';
  if (flags.over) return 'over_capacity';
  if (flags.under) return 'under_zero';
  if (flags.motion) return 'moving';
  if (flags.zero) return 'zero';
  return 'ok';
}

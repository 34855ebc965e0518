import { splitAim } from './aim.js';
import { rescaleDigits } from './decimal.js';
import { parseGs1Date } from './gs1-date.js';
import { splitElements, type Gs1Element } from './gs1-elements.js';
import { hasValidCheckDigit } from './gtin.js';
import { fail, ok, type Result } from './result.js';

export interface Gs1Options {
  /** Minor-unit exponent of the store currency (2 for EUR, 0 for JPY), for AI 392n prices. */
  readonly currencyExponent: number;
  /** Enables the GS1 sliding-window century rule for dates; without it YY means 20YY. */
  readonly referenceYear?: number;
}

export interface Gs1Data {
  /** Every element in scan order, including the AIs not interpreted below. */
  readonly elements: readonly Gs1Element[];
  /** AI 01, check digit verified. */
  readonly gtin14?: string;
  /** AI 10. */
  readonly batch?: string;
  /** AI 17 as ISO "YYYY-MM-DD"; day 00 becomes the last day of the month. */
  readonly expiry?: string;
  /** AI 310n (net weight, kg with n decimals) in whole grams. */
  readonly weightGrams?: number;
  /** AI 392n (amount payable, n decimals) in minor units of the store currency. */
  readonly priceMinor?: number;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const DATE_AIS: ReadonlySet<string> = new Set(['11', '12', '13', '15', '16', '17']);
// Keys whose last digit is a GS1 mod-10 check digit over the whole field: SSCC, GTIN, GSIN, GSRN.
const CHECKED_AIS: ReadonlySet<string> = new Set(['00', '01', '02', '402', '8017', '8018']);

/**
 * Parses a GS1 element string from a GS1-128, GS1 DataBar or 2D scan: raw scanner data with or without
 * an AIM identifier and FNC1 sent as GS, or the bracketed human-readable form. Never throws.
 */
export function parseGs1(raw: string, opts: Gs1Options): Result<Gs1Data> {
  const split = splitElements(splitAim(raw).data);
  if (!split.ok) return split;
  const out: Mutable<Gs1Data> = { elements: split.value };
  const seen = new Set<string>();
  for (const { ai, data } of split.value) {
    // 310n and 392n are one quantity whatever n is: two of them would be two answers to one question.
    const key = ai.startsWith('310') || ai.startsWith('392') ? ai.slice(0, 3) : ai;
    if (seen.has(key)) return fail(`AI (${ai}) appears more than once`);
    seen.add(key);
    const problem = interpret(ai, data, opts, out);
    if (problem !== undefined) return fail(problem);
  }
  return ok(out);
}

function interpret(ai: string, data: string, opts: Gs1Options, out: Mutable<Gs1Data>): string | undefined {
  if (CHECKED_AIS.has(ai) && !hasValidCheckDigit(data)) return `bad check digit in AI (${ai}) ${data}`;
  if (ai === '01') out.gtin14 = data;
  if (ai === '10') out.batch = data;
  if (DATE_AIS.has(ai)) {
    const date = parseGs1Date(data, opts.referenceYear);
    if (!date.ok) return `AI (${ai}): ${date.reason}`;
    if (ai === '17') out.expiry = date.value;
  }
  if (ai.startsWith('310')) {
    // Weights finer than a gram (n > 3) are rounded to the gram: grams are the catalog's unit.
    const grams = rescaleDigits(data, Number(ai.charAt(3)), 3, 'round');
    if (!grams.ok) return `AI (${ai}): ${grams.reason}`;
    out.weightGrams = grams.value;
  }
  if (ai.startsWith('392')) {
    // A price finer than the currency's minor unit is refused, not rounded: money is never guessed.
    const minor = rescaleDigits(data, Number(ai.charAt(3)), opts.currencyExponent, 'exact');
    if (!minor.ok) return `AI (${ai}): ${minor.reason}`;
    out.priceMinor = minor.value;
  }
  return undefined;
}

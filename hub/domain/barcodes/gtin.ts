import { fail, isDigits, ok, type Result } from './result.js';

/** Lengths of the GTIN family: EAN-8, UPC-A, EAN-13, GTIN-14. */
export const GTIN_LENGTHS: readonly number[] = [8, 12, 13, 14];

/**
 * GS1 mod-10 check digit of `body` (the digits before the check digit). Weights run 3,1,3,... from the
 * right, which is what lets one function serve every length (SSCC's 18 too): a leading zero changes nothing.
 * Throws RangeError on non-digits: callers hand it validated digits, never raw scanner data.
 */
export function gs1CheckDigit(body: string): number {
  if (!isDigits(body)) throw new RangeError(`check digit body must be digits, got "${body}"`);
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when the last digit is the mod-10 check digit of the others. Never throws. */
export function hasValidCheckDigit(code: string): boolean {
  if (code.length < 2 || !isDigits(code)) return false;
  return gs1CheckDigit(code.slice(0, -1)) === code.charCodeAt(code.length - 1) - 48;
}

/** A GTIN-8, -12, -13 or -14 with a correct check digit. */
export function isValidGtin(code: string): boolean {
  return GTIN_LENGTHS.includes(code.length) && hasValidCheckDigit(code);
}

/** Appends the check digit: `withCheckDigit('400638133393')` is '4006381333931'. */
export function withCheckDigit(body: string): string {
  return body + String(gs1CheckDigit(body));
}

/**
 * Normalises any GTIN to the 14-digit form the catalog stores, so an EAN-13 product is found by the
 * GTIN-14 inside a GS1-128 scan and a 12-digit UPC-A matches its EAN-13 spelling with a leading 0.
 * An 8-digit input is read as EAN-8: a UPC-E must go through `expandUpcE` first, because the two
 * cannot be told apart from the digits alone.
 */
export function toGtin14(code: string): Result<string> {
  if (!isDigits(code)) return fail(`GTIN must be digits only, got "${code}"`);
  if (!GTIN_LENGTHS.includes(code.length)) {
    return fail(`GTIN must have 8, 12, 13 or 14 digits, got ${code.length}`);
  }
  if (!hasValidCheckDigit(code)) return fail(`bad check digit in GTIN ${code}`);
  return ok(code.padStart(14, '0'));
}

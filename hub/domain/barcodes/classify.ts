import { aimFamily, GS, splitAim, type AimFamily } from './aim.js';
import { parseGs1 } from './gs1.js';
import { hasValidCheckDigit } from './gtin.js';
import { decodeLabel, findTemplate } from './label-decode.js';
import type { LabelTemplate } from './label-template.js';
import { isDigits } from './result.js';
import { expandUpcE } from './upc-e.js';

export type GtinSymbology = 'ean-13' | 'upc-a' | 'ean-8' | 'upc-e' | 'itf-14';

export type ScanClass =
  | { readonly kind: 'gtin'; readonly gtin14: string; readonly symbology: GtinSymbology }
  | {
      readonly kind: 'embedded';
      readonly templateId: string;
      readonly itemCode: string;
      readonly priceMinor?: number;
      readonly weightGrams?: number;
      readonly gtin14: string;
    }
  | {
      readonly kind: 'gs1';
      readonly gtin14: string;
      readonly batch?: string;
      readonly expiry?: string;
      readonly weightGrams?: number;
      readonly priceMinor?: number;
    }
  | { readonly kind: 'code'; readonly code: string }
  | { readonly kind: 'invalid'; readonly reason: string };

export interface ClassifyOptions {
  readonly templates: readonly LabelTemplate[];
  /** Minor-unit exponent of the store currency: 2 for EUR, 0 for JPY. */
  readonly currencyExponent: number;
  /** Enables the GS1 sliding-window century for expiry dates; without it YY is 20YY. */
  readonly referenceYear?: number;
}

/** Internal SKUs and receipt numbers longer than this are misreads or pasted text, not codes. */
export const MAX_CODE_LENGTH = 64;

/**
 * What a scanner line is, for the till to act on. Never throws. Without an AIM identifier the digits
 * decide: 8, 12, 13 and 14 digits must be valid GTINs (an 8-digit one is tried as EAN-8, then as
 * UPC-E); a scan with GS, in bracketed form, or of 16+ digits starting "01" is read as GS1. With an
 * AIM identifier for a symbology other than EAN/UPC, ITF or GS1, digits are just an internal code.
 */
export function classifyScan(raw: string, opts: ClassifyOptions): ScanClass {
  const line = raw.replace(/[\r\n]+$/, '');
  const { aim, data } = splitAim(line);
  const family = aim === undefined ? undefined : aimFamily(aim);
  const text = data.trim();
  if (text === '') return invalid('empty scan');
  if (hasControlCharacter(text)) return invalid('scan contains control characters');

  if (family === 'gs1' || (family === undefined && looksLikeGs1(text))) {
    const gs1 = classifyGs1(text, opts);
    const digitsFallback = family === undefined && isDigits(text);
    if (gs1.kind !== 'invalid' || !digitsFallback) return gs1;
  }
  if (family !== 'other' && isDigits(text)) {
    const numeric = classifyDigits(text, family, opts);
    if (numeric !== undefined) return numeric;
  }
  if (family === 'ean' || family === 'ean-8') return invalid(`"${text}" is not a valid EAN/UPC`);
  if (text.includes(GS)) return invalid('GS separator in a scan that is not GS1');
  if (text.length > MAX_CODE_LENGTH) return invalid(`code is longer than ${MAX_CODE_LENGTH} characters`);
  return { kind: 'code', code: text };
}

function looksLikeGs1(text: string): boolean {
  return text.includes(GS) || /^\(\d{2,4}\)/.test(text) || (text.length >= 16 && text.startsWith('01'));
}

function classifyGs1(text: string, opts: ClassifyOptions): ScanClass {
  const parsed = parseGs1(text, opts);
  if (!parsed.ok) return invalid(parsed.reason);
  const { gtin14, batch, expiry, weightGrams, priceMinor } = parsed.value;
  if (gtin14 === undefined) return invalid('GS1 scan carries no GTIN (AI 01)');
  return {
    kind: 'gs1',
    gtin14,
    ...(batch === undefined ? {} : { batch }),
    ...(expiry === undefined ? {} : { expiry }),
    ...(weightGrams === undefined ? {} : { weightGrams }),
    ...(priceMinor === undefined ? {} : { priceMinor }),
  };
}

/** A GTIN-length run of digits as a GTIN or label; undefined when the length means "not a GTIN". */
function classifyDigits(
  digits: string,
  family: AimFamily | undefined,
  opts: ClassifyOptions,
): ScanClass | undefined {
  if (digits.length === 8) return classifyEight(digits, family);
  if (family === 'ean-8') return undefined;
  if (digits.length === 14 && family !== 'ean') {
    return hasValidCheckDigit(digits)
      ? gtin(digits, 'itf-14')
      : invalid(`bad check digit in GTIN-14 ${digits}`);
  }
  if (family === 'itf' || (digits.length !== 12 && digits.length !== 13)) return undefined;
  if (!hasValidCheckDigit(digits)) {
    return invalid(`bad check digit in ${digits.length === 12 ? 'UPC-A' : 'EAN-13'} ${digits}`);
  }
  const ean13 = digits.padStart(13, '0');
  if (findTemplate(ean13, opts.templates) !== undefined) {
    const label = decodeLabel(ean13, opts.templates, opts.currencyExponent);
    return label.ok ? { kind: 'embedded', ...label.value } : invalid(label.reason);
  }
  return gtin(digits, digits.length === 12 ? 'upc-a' : 'ean-13');
}

// EAN-8 and UPC-E are both 8 digits. ]E4 and ]E0 settle it; without AIM, EAN-8 is tried first as the
// more common symbol in European shops, and UPC-E only when the EAN-8 check digit fails.
function classifyEight(digits: string, family: AimFamily | undefined): ScanClass | undefined {
  if (family === 'itf') return undefined;
  if (family !== 'ean' && hasValidCheckDigit(digits)) return gtin(digits, 'ean-8');
  if (family !== 'ean-8') {
    const upcA = expandUpcE(digits);
    if (upcA.ok) return gtin(upcA.value, 'upc-e');
  }
  return invalid(`bad check digit in ${family === 'ean' ? 'UPC-E' : 'EAN-8/UPC-E'} ${digits}`);
}

function gtin(digits: string, symbology: GtinSymbology): ScanClass {
  return { kind: 'gtin', gtin14: digits.padStart(14, '0'), symbology };
}

function invalid(reason: string): ScanClass {
  return { kind: 'invalid', reason };
}

// C0 controls (except GS, which carries FNC1), DEL and C1 controls: a scanner never sends them as data.
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x1d) || (c >= 0x7f && c <= 0x9f)) return true;
  }
  return false;
}

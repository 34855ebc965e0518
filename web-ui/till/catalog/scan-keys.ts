import { hasValidCheckDigit } from '../../../hub/domain/barcodes/gtin.js';
import { isRestrictedPrefix } from '../../../hub/domain/barcodes/label-template.js';
import { skuKey } from './cached-product.js';

/** Longest internal code or SKU the hub takes as a code (MAX_CODE_LENGTH in the hub's classifier). */
const MAX_CODE_LENGTH = 64;

/**
 * The cache keys a scanned code can be answered by, in the hub's order, or null when only the hub can
 * tell what it means. The cache answers the plain cases, which are nearly every scan at a till: a GTIN
 * (EAN-13, UPC-A, EAN-8, ITF-14, check digit right), an internal code, a SKU. Labels carrying a price or
 * weight (restricted prefixes 02 and 20-29, read through the store's label templates), GS1 data, AIM
 * prefixes, UPC-E and anything malformed go to the hub, which also gives the precise refusal.
 */
export function scanKeys(raw: string): string[] | null {
  const text = raw.replace(/[\r\n]+$/, '').trim();
  if (text === '' || text.length > MAX_CODE_LENGTH) return null;
  // AIM symbology prefix, GS1 bracketed or with a GS separator, control bytes: the hub's classifier.
  if (/^[\](]/.test(text) || /\p{Cc}/u.test(text)) return null;
  if (/^\d+$/.test(text)) return digitKeys(text);
  return [text.toUpperCase(), skuKey(text)];
}

function digitKeys(digits: string): string[] | null {
  switch (digits.length) {
    case 8:
      // EAN-8 when its check digit is right; otherwise the hub tries it as UPC-E.
      return hasValidCheckDigit(digits) ? [digits.padStart(14, '0')] : null;
    case 12:
    case 13: {
      if (!hasValidCheckDigit(digits)) return null;
      const ean13 = digits.padStart(13, '0');
      return isRestrictedPrefix(ean13.slice(0, 2)) ? null : [ean13.padStart(14, '0')];
    }
    case 14:
      return hasValidCheckDigit(digits) ? [digits] : null;
    default:
      // 16+ digits starting 01 is GS1 data; other lengths are internal codes or SKUs as typed.
      return digits.length >= 16 && digits.startsWith('01') ? null : [digits, skuKey(digits)];
  }
}

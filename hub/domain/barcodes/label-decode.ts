import { rescaleDigits } from './decimal.js';
import { hasValidCheckDigit } from './gtin.js';
import { labelLayout, validateTemplate, type LabelTemplate } from './label-template.js';
import { priceVerifierDigit } from './price-verifier.js';
import { fail, isDigits, ok, type Result } from './result.js';

export interface EmbeddedLabel {
  readonly templateId: string;
  /** The item digits of the label: what the catalog looks the product up by. */
  readonly itemCode: string;
  /** Set for price templates: minor units of the store currency. */
  readonly priceMinor?: number;
  /** Set for weight templates. */
  readonly weightGrams?: number;
  /** The whole label as scanned, padded to 14 digits. */
  readonly gtin14: string;
}

/**
 * The template for an EAN-13, or undefined. The longest matching prefix wins, so a store can have a
 * general "2" layout and a more specific "21" one; among equal prefixes the first listed wins
 * (`validateTemplates` reports that case as a configuration error).
 */
export function findTemplate(ean13: string, templates: readonly LabelTemplate[]): LabelTemplate | undefined {
  let best: LabelTemplate | undefined;
  for (const t of templates) {
    if (
      t.prefix !== '' &&
      ean13.startsWith(t.prefix) &&
      (best === undefined || t.prefix.length > best.prefix.length)
    ) {
      best = t;
    }
  }
  return best;
}

/**
 * Decodes a price- or weight-embedded label (EAN-13, or a 12-digit UPC-A read as its EAN-13 form).
 * A wrong verifier digit rejects the scan outright rather than trying a shorter prefix: the template
 * said a verifier is there, so a mismatch means a misread price.
 */
export function decodeLabel(
  code: string,
  templates: readonly LabelTemplate[],
  currencyExponent: number,
): Result<EmbeddedLabel> {
  const ean13 = code.length === 12 ? `0${code}` : code;
  if (ean13.length !== 13 || !isDigits(ean13)) return fail(`a label must be 13 digits, got "${code}"`);
  if (!hasValidCheckDigit(ean13)) return fail(`bad check digit in ${code}`);
  const t = findTemplate(ean13, templates);
  if (t === undefined) return fail(`no label template matches ${ean13}`);
  const [problem] = validateTemplate(t, { currencyExponent });
  if (problem !== undefined) return fail(problem);

  const layout = labelLayout(t);
  const itemCode = ean13.slice(layout.itemStart, layout.itemStart + t.itemDigits);
  const value = ean13.slice(layout.valueStart, layout.valueEnd);
  if (layout.verifierAt !== undefined) {
    const expected = priceVerifierDigit(value);
    if (ean13.charAt(layout.verifierAt) !== String(expected)) {
      return fail(`bad ${t.value} verifier digit in ${ean13} (template "${t.id}")`);
    }
  }
  const base = { templateId: t.id, itemCode, gtin14: `0${ean13}` };
  if (t.value === 'price') {
    const priceMinor = rescaleDigits(value, t.decimals, currencyExponent, 'exact');
    return priceMinor.ok ? ok({ ...base, priceMinor: priceMinor.value }) : priceMinor;
  }
  const weightGrams = rescaleDigits(value, t.decimals, 3, 'exact');
  return weightGrams.ok ? ok({ ...base, weightGrams: weightGrams.value }) : weightGrams;
}

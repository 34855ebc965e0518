import { rescaleDigits } from './decimal.js';
import { withCheckDigit } from './gtin.js';
import { validateTemplate, type LabelTemplate } from './label-template.js';
import { priceVerifierDigit } from './price-verifier.js';
import { fail, isDigits, ok, type Result } from './result.js';

/**
 * Builds the EAN-13 a scale would print for `itemCode` and `amount` (minor units for a price template,
 * grams for a weight template): the exact inverse of `decodeLabel`. Refuses an amount the template
 * cannot show exactly (1234 g on a 10 g template) or that needs more digits than it has.
 */
export function encodeLabel(
  t: LabelTemplate,
  itemCode: string,
  amount: number,
  currencyExponent: number,
): Result<string> {
  const [problem] = validateTemplate(t, { currencyExponent });
  if (problem !== undefined) return fail(problem);
  if (itemCode.length !== t.itemDigits || !isDigits(itemCode)) {
    return fail(`item code must be ${t.itemDigits} digits, got "${itemCode}"`);
  }
  if (!Number.isSafeInteger(amount) || amount < 0) {
    return fail(`amount must be a non-negative whole number, got ${amount}`);
  }
  const unitDecimals = t.value === 'price' ? currencyExponent : 3;
  const field = rescaleDigits(String(amount), unitDecimals, t.decimals, 'exact');
  if (!field.ok) return fail(`${amount} cannot be shown with ${t.decimals} decimals on template "${t.id}"`);
  const value = String(field.value).padStart(t.valueDigits, '0');
  if (value.length > t.valueDigits) {
    return fail(`${amount} needs more than the ${t.valueDigits} value digits of template "${t.id}"`);
  }
  const verifier = t.verifier ? String(priceVerifierDigit(value)) : '';
  return ok(withCheckDigit(t.prefix + itemCode + verifier + value));
}

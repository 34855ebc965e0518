import { isDigits } from './result.js';

/**
 * A store's layout for price- or weight-embedded EAN-13 labels (the ones a scale prints), as plain data
 * an admin edits. Left to right: prefix, item code, optional verifier digit, value, EAN check digit.
 */
export interface LabelTemplate {
  readonly id: string;
  readonly name: string;
  /** '02', '2', '20'..'29' or a longer store-specific prefix inside those ranges. */
  readonly prefix: string;
  readonly itemDigits: number;
  readonly value: 'price' | 'weight';
  readonly valueDigits: number;
  /** Implied decimals of the value: of the currency's major unit for a price, of kilograms for a weight. */
  readonly decimals: number;
  /** A GS1 price/measure verifier digit sits right before the value (4- or 5-digit values only). */
  readonly verifier: boolean;
}

export interface TemplateCheckOptions {
  /** When given, a price template may not have more decimals than the currency. */
  readonly currencyExponent?: number;
}

export interface LabelLayout {
  readonly itemStart: number;
  /** Index of the verifier digit, or undefined when the template has none. */
  readonly verifierAt: number | undefined;
  readonly valueStart: number;
  readonly valueEnd: number;
}

const EAN13_LENGTH = 13;
// A gram is the finest weight the catalog holds, so kilograms with more than 3 decimals cannot be kept.
const MAX_WEIGHT_DECIMALS = 3;
const MAX_PRICE_DECIMALS = 4;

/**
 * GS1 restricted circulation numbers for in-store use: EAN-13 prefixes 20-29, and 02 (UPC number system
 * 2, i.e. a 12-digit UPC-A starting with 2 read as EAN-13).
 */
export function isRestrictedPrefix(prefix: string): boolean {
  return isDigits(prefix) && (prefix.startsWith('2') || prefix.startsWith('02'));
}

export function labelLayout(t: LabelTemplate): LabelLayout {
  const itemStart = t.prefix.length;
  const afterItem = itemStart + t.itemDigits;
  const valueStart = t.verifier ? afterItem + 1 : afterItem;
  return {
    itemStart,
    verifierAt: t.verifier ? afterItem : undefined,
    valueStart,
    valueEnd: valueStart + t.valueDigits,
  };
}

/** Every problem with one template, worded for the admin screen; empty when the template is usable. */
export function validateTemplate(t: LabelTemplate, opts: TemplateCheckOptions = {}): string[] {
  const errors: string[] = [];
  const add = (message: string): void => {
    errors.push(`template "${t.id}": ${message}`);
  };
  if (t.id.trim() === '') add('id must not be empty');
  if (!isRestrictedPrefix(t.prefix)) {
    add(`prefix "${t.prefix}" is not a GS1 restricted circulation prefix (02 or 20-29)`);
  }
  if (!isCount(t.itemDigits, 1)) add(`itemDigits must be a whole number of at least 1, got ${t.itemDigits}`);
  if (!isCount(t.valueDigits, 1))
    add(`valueDigits must be a whole number of at least 1, got ${t.valueDigits}`);
  const maxDecimals = t.value === 'weight' ? MAX_WEIGHT_DECIMALS : MAX_PRICE_DECIMALS;
  if (!isCount(t.decimals, 0) || t.decimals > maxDecimals) {
    add(`decimals must be a whole number from 0 to ${maxDecimals} for a ${t.value}, got ${t.decimals}`);
  }
  if (t.value === 'price' && opts.currencyExponent !== undefined && t.decimals > opts.currencyExponent) {
    add(`a price with ${t.decimals} decimals cannot be held in a currency with ${opts.currencyExponent}`);
  }
  if (t.verifier && t.valueDigits !== 4 && t.valueDigits !== 5) {
    add(`a verifier digit needs a 4- or 5-digit value, got ${t.valueDigits}`);
  }
  const total = t.prefix.length + t.itemDigits + (t.verifier ? 1 : 0) + t.valueDigits + 1;
  if (total !== EAN13_LENGTH) {
    add(
      `prefix ${t.prefix.length} + item ${t.itemDigits} + verifier ${t.verifier ? 1 : 0} + value ` +
        `${t.valueDigits} + check digit 1 = ${total} digits, an EAN-13 has 13`,
    );
  }
  return errors;
}

/** Checks each template and the set: ids must be unique, and so must prefixes or a scan is ambiguous. */
export function validateTemplates(
  templates: readonly LabelTemplate[],
  opts: TemplateCheckOptions = {},
): string[] {
  const errors = templates.flatMap((t) => validateTemplate(t, opts));
  const ids = new Set<string>();
  const prefixes = new Map<string, string>();
  for (const t of templates) {
    if (ids.has(t.id)) errors.push(`template id "${t.id}" is used more than once`);
    ids.add(t.id);
    const other = prefixes.get(t.prefix);
    if (other !== undefined) errors.push(`templates "${other}" and "${t.id}" share the prefix "${t.prefix}"`);
    prefixes.set(t.prefix, t.id);
  }
  return errors;
}

function isCount(n: number, min: number): boolean {
  return Number.isSafeInteger(n) && n >= min;
}

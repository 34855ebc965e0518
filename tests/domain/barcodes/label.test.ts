import { describe, expect, it } from 'vitest';
import {
  decodeLabel,
  encodeLabel,
  findTemplate,
  isRestrictedPrefix,
  validateTemplate,
  validateTemplates,
  withCheckDigit,
  type LabelTemplate,
} from '../../../hub/domain/barcodes/index.js';
import { price2, priceWithVerifier5, upcPriceWithVerifier4, weight21 } from './fixtures.js';

const EUR = 2;
const JPY = 0;

describe('validateTemplate', () => {
  it.each([price2, priceWithVerifier5, upcPriceWithVerifier4, weight21])('accepts $id', (t) => {
    expect(validateTemplate(t, { currencyExponent: EUR })).toEqual([]);
  });

  it.each<[string, Partial<LabelTemplate>, RegExp]>([
    ['a GTIN prefix', { prefix: '40', itemDigits: 5 }, /prefix "40" is not a GS1 restricted/],
    ['prefix 0 alone', { prefix: '0', itemDigits: 6 }, /prefix "0" is not/],
    ['an empty prefix', { prefix: '', itemDigits: 7 }, /prefix "" is not/],
    ['a non-digit prefix', { prefix: '2A', itemDigits: 5 }, /prefix "2A" is not/],
    [
      'digits not adding up',
      { itemDigits: 4 },
      /2 \+ item 4 \+ verifier 0 \+ value 5 \+ check digit 1 = 12 digits/,
    ],
    ['no item digits', { itemDigits: 0, valueDigits: 10 }, /itemDigits must be a whole number of at least 1/],
    ['fractional digits', { itemDigits: 4.5, valueDigits: 5.5 }, /itemDigits/],
    ['weight finer than grams', { decimals: 4 }, /decimals must be a whole number from 0 to 3 for a weight/],
    ['negative decimals', { decimals: -1 }, /decimals/],
    [
      'a verifier on 3 value digits',
      { verifier: true, itemDigits: 6, valueDigits: 3 },
      /4- or 5-digit value/,
    ],
    ['an empty id', { id: ' ' }, /id must not be empty/],
  ])('rejects %s', (_case, change, error) => {
    const errors = validateTemplate({ ...weight21, ...change });
    expect(errors.join('\n')).toMatch(error);
  });

  it('rejects a price with more decimals than the currency, when told the currency', () => {
    const t = { ...price2, decimals: 3 };
    expect(validateTemplate(t)).toEqual([]);
    expect(validateTemplate(t, { currencyExponent: EUR })).toEqual([
      'template "price-2": a price with 3 decimals cannot be held in a currency with 2',
    ]);
  });

  it('reports every problem, each naming the template', () => {
    const errors = validateTemplate({ ...weight21, prefix: '5', decimals: 9 });
    expect(errors).toHaveLength(3);
    for (const e of errors) expect(e).toMatch(/^template "weight-21": /);
  });

  it('checks a set of templates for duplicate ids and prefixes', () => {
    expect(validateTemplates([price2, weight21, upcPriceWithVerifier4])).toEqual([]);
    expect(validateTemplates([price2, priceWithVerifier5])).toEqual([
      'templates "price-2" and "price-v5" share the prefix "2"',
    ]);
    expect(validateTemplates([weight21, { ...weight21, prefix: '22' }])).toEqual([
      'template id "weight-21" is used more than once',
    ]);
  });

  it.each([
    ['02', true],
    ['2', true],
    ['20', true],
    ['29', true],
    ['215', true],
    ['021', true],
    ['0', false],
    ['01', false],
    ['3', false],
    ['', false],
  ])('restricted prefix %j: %s', (prefix, restricted) => {
    expect(isRestrictedPrefix(prefix)).toBe(restricted);
  });
});

describe('decodeLabel', () => {
  it.each<[string, LabelTemplate, string, number, object]>([
    // 2 12345 [1] 01234 [2]: verifier of 01234 is 1 (see price-verifier tests); check digit 2 -> 12.34 EUR
    ['5-digit verifier', priceWithVerifier5, '2123451012342', EUR, { itemCode: '12345', priceMinor: 1234 }],
    // GS1 example price 146.85 with verifier 6
    ['5-digit verifier, GS1 example', priceWithVerifier5, '2543216146851', EUR, { priceMinor: 14685 }],
    // 02 12345 [6] 0299 [7]: verifier of 0299 is 6 -> 2.99
    [
      'UPC 4-digit verifier',
      upcPriceWithVerifier4,
      '0212345602997',
      EUR,
      { itemCode: '12345', priceMinor: 299 },
    ],
    ['the same read as 12-digit UPC-A', upcPriceWithVerifier4, '212345602997', EUR, { priceMinor: 299 }],
    // GS1 example price 28.75 with verifier 9
    [
      '4-digit verifier, GS1 example',
      upcPriceWithVerifier4,
      '0200555928754',
      EUR,
      { itemCode: '00555', priceMinor: 2875 },
    ],
    // 21 00042 01250 [9]: 1.250 kg
    ['weight in grams', weight21, '2100042012509', EUR, { itemCode: '00042', weightGrams: 1250 }],
    // same digits, 2 decimals: 12.50 kg
    ['weight with 2 decimals', { ...weight21, decimals: 2 }, '2100042012509', EUR, { weightGrams: 12500 }],
    ['weight with 0 decimals', { ...weight21, decimals: 0 }, '2100042012509', EUR, { weightGrams: 1250000 }],
    // 2 100042 01234 [9]
    ['price, 2 decimals in EUR', price2, '2100042012349', EUR, { itemCode: '100042', priceMinor: 1234 }],
    [
      'price, 0 decimals in TWD (exponent 2)',
      { ...price2, decimals: 0 },
      '2100042012349',
      2,
      { priceMinor: 123400 },
    ],
    ['price, 0 decimals in JPY', { ...price2, decimals: 0 }, '2100042012349', JPY, { priceMinor: 1234 }],
    ['price, 1 decimal in EUR', { ...price2, decimals: 1 }, '2100042012349', EUR, { priceMinor: 12340 }],
  ])('%s: %s', (_case, template, code, exponent, expected) => {
    const result = decodeLabel(code, [template], exponent);
    expect(result).toMatchObject({ ok: true, value: { templateId: template.id, ...expected } });
  });

  it('returns the label as a GTIN-14 too', () => {
    expect(decodeLabel('212345602997', [upcPriceWithVerifier4], EUR)).toMatchObject({
      ok: true,
      value: { gtin14: '00212345602997' },
    });
  });

  it('picks the template with the longest matching prefix, whatever the list order', () => {
    // 2100042012509 fits "2" (item 100042, 12.50 EUR) and "21" (item 00042, 1.250 kg): "21" wins.
    for (const templates of [
      [price2, weight21],
      [weight21, price2],
    ]) {
      expect(findTemplate('2100042012509', templates)).toBe(weight21);
      expect(decodeLabel('2100042012509', templates, EUR)).toMatchObject({
        ok: true,
        value: { templateId: 'weight-21', itemCode: '00042', weightGrams: 1250 },
      });
      // 2200042012506: only "2" matches -> item 200042, 12.50 EUR
      expect(decodeLabel('2200042012506', templates, EUR)).toMatchObject({
        ok: true,
        value: { templateId: 'price-2', itemCode: '200042', priceMinor: 1250 },
      });
    }
  });

  it.each<[string, string, readonly LabelTemplate[], number, RegExp]>([
    // verifier 6 -> 5 and the EAN check digit fixed up (1 -> 2): the EAN is valid, the price is not
    ['a wrong 5-digit verifier', '2543215146852', [priceWithVerifier5], EUR, /bad price verifier digit/],
    // 0299 with verifier 5 instead of 6, check digit recomputed (7 -> 0)
    ['a wrong 4-digit verifier', '0212345502990', [upcPriceWithVerifier4], EUR, /bad price verifier digit/],
    ['a bad EAN check digit', '2100042012508', [weight21], EUR, /bad check digit/],
    ['no matching template', '4006381333931', [weight21, price2], EUR, /no label template matches/],
    ['not 13 digits', '21000420125', [weight21], EUR, /must be 13 digits/],
    ['an invalid template', '2100042012509', [{ ...weight21, itemDigits: 4 }], EUR, /= 12 digits/],
    ['more decimals than the currency', '2100042012349', [price2], JPY, /2 decimals cannot be held/],
  ])('rejects %s', (_case, code, templates, exponent, reason) => {
    const result = decodeLabel(code, templates, exponent);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('does not fall back to a shorter prefix when the verifier is wrong', () => {
    // "25" layout: 25 IIII V PPPPP C. Its label 25 4321 [6] 14685 with the verifier changed to 5 (and a
    // valid EAN check digit) would read as item 543215 at 146.85 under the general "2" layout.
    const v25: LabelTemplate = { ...priceWithVerifier5, id: 'v25', prefix: '25', itemDigits: 4 };
    const badVerifier = withCheckDigit('254321514685');
    expect(decodeLabel(badVerifier, [price2], EUR)).toMatchObject({
      ok: true,
      value: { itemCode: '543215' },
    });
    const result = decodeLabel(badVerifier, [price2, v25], EUR);
    expect(result).toEqual({
      ok: false,
      reason: `bad price verifier digit in ${badVerifier} (template "v25")`,
    });
  });
});

describe('encodeLabel', () => {
  it.each<[LabelTemplate, string, number, number, string]>([
    [priceWithVerifier5, '12345', 1234, EUR, '2123451012342'],
    [priceWithVerifier5, '54321', 14685, EUR, '2543216146851'],
    [upcPriceWithVerifier4, '12345', 299, EUR, '0212345602997'],
    [upcPriceWithVerifier4, '00555', 2875, EUR, '0200555928754'],
    [weight21, '00042', 1250, EUR, '2100042012509'],
    [{ ...weight21, decimals: 2 }, '00042', 12500, EUR, '2100042012509'],
    [{ ...price2, decimals: 0 }, '100042', 123400, 2, '2100042012349'],
    [price2, '100042', 0, EUR, withZeroValue()],
  ])('%o item %s amount %i -> %s', (template, item, amount, exponent, code) => {
    expect(encodeLabel(template, item, amount, exponent)).toEqual({ ok: true, value: code });
  });

  it.each<[string, LabelTemplate, string, number, RegExp]>([
    ['a short item code', weight21, '0042', 1250, /item code must be 5 digits/],
    ['a non-digit item code', weight21, '0004A', 1250, /item code must be 5 digits/],
    ['a negative amount', weight21, '00042', -1, /non-negative whole number/],
    ['a fractional amount', weight21, '00042', 12.5, /non-negative whole number/],
    ['grams a 10 g template cannot show', { ...weight21, decimals: 2 }, '00042', 1234, /cannot be shown/],
    ['an amount with too many digits', price2, '100042', 100000, /more than the 5 value digits/],
    ['an invalid template', { ...weight21, prefix: '40' }, '00042', 1, /not a GS1 restricted/],
  ])('refuses %s', (_case, template, item, amount, reason) => {
    const result = encodeLabel(template, item, amount, EUR);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

// 2 100042 00000 [c]: digits sum (weights 3,1 from the right) = 2*1 + 1*3 + 4*3 + 2*1 = 19 -> check 1
function withZeroValue(): string {
  return '2100042000001';
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  classifyScan,
  compressUpcA,
  decodeLabel,
  encodeLabel,
  expandUpcE,
  isValidGtin,
  MAX_CODE_LENGTH,
  parseGs1,
  priceVerifierDigit,
  toGtin14,
  validateTemplate,
  withCheckDigit,
  type LabelTemplate,
} from '../../../hub/domain/barcodes/index.js';
import { price2, upcPriceWithVerifier4, weight21 } from './fixtures.js';

const digits = (length: number): fc.Arbitrary<string> =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((a) => a.join(''));

/** Any valid template: the item digits take whatever the other fields leave of the 13. */
const templateArb: fc.Arbitrary<{ template: LabelTemplate; currencyExponent: number }> = fc
  .record({
    prefix: fc.constantFrom('02', '028', '2', '20', '21', '25', '29', '215'),
    verifier: fc.boolean(),
    value: fc.constantFrom('price' as const, 'weight' as const),
    currencyExponent: fc.integer({ min: 0, max: 3 }),
  })
  .chain(({ prefix, verifier, value, currencyExponent }) => {
    const maxValueDigits = Math.min(8, 11 - prefix.length - (verifier ? 1 : 0));
    const valueDigits = verifier ? fc.constantFrom(4, 5) : fc.integer({ min: 1, max: maxValueDigits });
    const decimals = fc.integer({ min: 0, max: value === 'weight' ? 3 : currencyExponent });
    return fc.tuple(valueDigits, decimals).map(([vd, dec]) => ({
      currencyExponent,
      template: {
        id: `t-${prefix}`,
        name: 'generated',
        prefix,
        itemDigits: 13 - prefix.length - (verifier ? 1 : 0) - vd - 1,
        value,
        valueDigits: vd,
        decimals: dec,
        verifier,
      },
    }));
  });

describe('properties', () => {
  it('encodeLabel then classifyScan gives back the item and amount', () => {
    const caseArb = templateArb.chain(({ template, currencyExponent }) =>
      fc.record({
        template: fc.constant(template),
        currencyExponent: fc.constant(currencyExponent),
        item: digits(template.itemDigits),
        field: fc.integer({ min: 0, max: 10 ** template.valueDigits - 1 }),
      }),
    );
    fc.assert(
      fc.property(caseArb, ({ template, currencyExponent, item, field }) => {
        expect(validateTemplate(template, { currencyExponent })).toEqual([]);
        const unitDecimals = template.value === 'price' ? currencyExponent : 3;
        const amount = field * 10 ** (unitDecimals - template.decimals);
        const encoded = encodeLabel(template, item, amount, currencyExponent);
        if (!encoded.ok) throw new Error(encoded.reason);
        expect(encoded.value).toHaveLength(13);
        const amountKey = template.value === 'price' ? 'priceMinor' : 'weightGrams';
        expect(classifyScan(encoded.value, { templates: [template], currencyExponent })).toEqual({
          kind: 'embedded',
          templateId: template.id,
          itemCode: item,
          [amountKey]: amount,
          gtin14: `0${encoded.value}`,
        });
      }),
      { numRuns: 500 },
    );
  });

  it('classifyScan never throws and only returns the five kinds', () => {
    const alphabet = [
      '0',
      '1',
      '2',
      '3',
      '7',
      '9',
      '(',
      ')',
      ']',
      'C',
      'e',
      'E',
      'A',
      '\x1d',
      '\r',
      '\n',
      ' ',
      '#',
    ];
    const scannerish = fc
      .tuple(
        fc.constantFrom('', ']C1', ']e0', ']d2', ']Q3', ']E0', ']E4', ']I1', ']C0', '(01)', '01', '\x1d01'),
        fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }).map((a) => a.join('')),
      )
      .map(([head, tail]) => head + tail);
    const anyString = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 100 }),
      scannerish,
      digits(13),
      digits(8),
    );
    const opts = { templates: [price2, weight21, upcPriceWithVerifier4], currencyExponent: 2 };
    fc.assert(
      fc.property(anyString, (raw) => {
        const scan = classifyScan(raw, opts);
        switch (scan.kind) {
          case 'code':
            expect(scan.code.length).toBeGreaterThan(0);
            expect(scan.code.length).toBeLessThanOrEqual(MAX_CODE_LENGTH);
            expect(scan.code).toBe(scan.code.trim());
            break;
          case 'gtin':
          case 'gs1':
          case 'embedded':
            expect(isValidGtin(scan.gtin14)).toBe(true);
            break;
          case 'invalid':
            expect(scan.reason).not.toBe('');
            break;
        }
        expect(() => parseGs1(raw, opts)).not.toThrow();
        expect(() => decodeLabel(raw, opts.templates, 2)).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });

  it('a GTIN with its check digit is valid and every single-digit error is caught', () => {
    fc.assert(
      fc.property(digits(12), fc.nat(12), fc.integer({ min: 1, max: 9 }), (body, at, delta) => {
        const gtin = withCheckDigit(body);
        expect(toGtin14(gtin)).toEqual({ ok: true, value: `0${gtin}` });
        const wrong = (Number(gtin.charAt(at)) + delta) % 10;
        const mistyped = gtin.slice(0, at) + String(wrong) + gtin.slice(at + 1);
        expect(isValidGtin(mistyped)).toBe(false);
      }),
    );
  });

  it('every UPC-E body has exactly one valid check digit, and compressing its expansion expands back', () => {
    fc.assert(
      fc.property(fc.constantFrom('0', '1'), digits(6), (system, six) => {
        const expansions = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'].flatMap((c) => {
          const r = expandUpcE(system + six + c);
          return r.ok ? [r.value] : [];
        });
        expect(expansions).toHaveLength(1);
        const upcA = expansions[0]!;
        const upcE = compressUpcA(upcA);
        expect(upcE).toBeDefined();
        expect(expandUpcE(upcE!)).toEqual({ ok: true, value: upcA });
      }),
    );
  });

  it('a single changed price digit always changes the verifier digit', () => {
    const caseArb = fc
      .constantFrom(4, 5)
      .chain((n) => fc.tuple(digits(n), fc.nat(n - 1), fc.integer({ min: 1, max: 9 })));
    fc.assert(
      fc.property(caseArb, ([value, at, delta]) => {
        const changed =
          value.slice(0, at) + String((Number(value.charAt(at)) + delta) % 10) + value.slice(at + 1);
        expect(priceVerifierDigit(changed)).not.toBe(priceVerifierDigit(value));
      }),
    );
  });

  it('AI 3103 reads back the grams it was written with', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), (grams) => {
        const raw = `]C101095011015300033103${String(grams).padStart(6, '0')}`;
        expect(parseGs1(raw, { currencyExponent: 2 })).toMatchObject({
          ok: true,
          value: { weightGrams: grams },
        });
      }),
    );
  });
});

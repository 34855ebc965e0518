import { describe, expect, it } from 'vitest';
import { classifyScan, MAX_CODE_LENGTH, type ClassifyOptions } from '../../../hub/domain/barcodes/index.js';
import { price2, priceWithVerifier5, upcPriceWithVerifier4, weight21 } from './fixtures.js';

const GS = '\x1d';
const GTIN = '09501101530003';
const opts: ClassifyOptions = { templates: [price2, weight21, upcPriceWithVerifier4], currencyExponent: 2 };

describe('classifyScan: GTINs', () => {
  it.each([
    ['4006381333931', 'ean-13', '04006381333931'],
    ['5901234123457', 'ean-13', '05901234123457'],
    ['0036000291452', 'ean-13', '00036000291452'],
    ['036000291452', 'upc-a', '00036000291452'],
    ['96385074', 'ean-8', '00000096385074'],
    ['04252614', 'upc-e', '00042100005264'],
    ['10012345678902', 'itf-14', '10012345678902'],
    [']E04006381333931', 'ean-13', '04006381333931'],
    [']E0036000291452', 'upc-a', '00036000291452'],
    [']E004252614', 'upc-e', '00042100005264'],
    [']E496385074', 'ean-8', '00000096385074'],
    [']I110012345678902', 'itf-14', '10012345678902'],
    ['4006381333931\r\n', 'ean-13', '04006381333931'],
    ['4006381333931\r', 'ean-13', '04006381333931'],
    ['4006381333931\n', 'ean-13', '04006381333931'],
    [' 4006381333931 ', 'ean-13', '04006381333931'],
  ])('%j is %s %s', (raw, symbology, gtin14) => {
    expect(classifyScan(raw, opts)).toEqual({ kind: 'gtin', gtin14, symbology });
  });

  it('reads a restricted-prefix EAN-13 that no template claims as a plain GTIN (in-store item number)', () => {
    // 24 is restricted but no template has it: 2400000012344 is an in-store item without a value.
    expect(classifyScan('2400000012344', { ...opts, templates: [weight21] })).toEqual({
      kind: 'gtin',
      gtin14: '02400000012344',
      symbology: 'ean-13',
    });
  });

  it.each([
    ['4006381333932', /bad check digit in EAN-13 4006381333932/],
    ['036000291453', /bad check digit in UPC-A/],
    ['96385075', /bad check digit in EAN-8\/UPC-E/],
    ['10012345678903', /bad check digit in GTIN-14/],
    [']E04006381333932', /bad check digit/],
    // ]E0 with 8 digits is a UPC-E, and 96385074 is not one (number system 9)
    [']E096385074', /bad check digit in UPC-E/],
    // ]E4 is EAN-8 only: a valid EAN-13 under it is a misread
    [']E44006381333931', /not a valid EAN\/UPC/],
    [']E0ABC', /not a valid EAN\/UPC/],
  ])('rejects %j', (raw, reason) => {
    expect(classifyScan(raw, opts)).toEqual({
      kind: 'invalid',
      reason: expect.stringMatching(reason) as string,
    });
  });
});

describe('classifyScan: store labels', () => {
  it.each([
    // 21 00042 01250 [9] -> weight-21 beats price-2 by the longer prefix
    [
      '2100042012509',
      { templateId: 'weight-21', itemCode: '00042', weightGrams: 1250, gtin14: '02100042012509' },
    ],
    // 2 200042 01250 [6] -> only price-2
    [
      '2200042012506',
      { templateId: 'price-2', itemCode: '200042', priceMinor: 1250, gtin14: '02200042012506' },
    ],
    // 02 12345 [6] 0299 [7], as EAN-13 and as its UPC-A
    ['0212345602997', { templateId: 'upc-price-v4', itemCode: '12345', priceMinor: 299 }],
    ['212345602997', { templateId: 'upc-price-v4', itemCode: '12345', priceMinor: 299 }],
    [']E0212345602997', { templateId: 'upc-price-v4', priceMinor: 299 }],
    ['2100042012509\r\n', { templateId: 'weight-21', weightGrams: 1250 }],
  ])('%j', (raw, expected) => {
    expect(classifyScan(raw, opts)).toMatchObject({ kind: 'embedded', ...expected });
  });

  it('leaves out the field the template does not carry', () => {
    const scan = classifyScan('2100042012509', opts);
    expect(scan).not.toHaveProperty('priceMinor');
  });

  it('rejects a label whose verifier digit is wrong', () => {
    // 2 54321 [5] 14685 [2]: the verifier should be 6
    const scan = classifyScan('2543215146852', { ...opts, templates: [priceWithVerifier5] });
    expect(scan).toEqual({
      kind: 'invalid',
      reason: expect.stringMatching(/bad price verifier digit/) as string,
    });
  });

  it('rejects a label when the matching template is misconfigured', () => {
    const scan = classifyScan('2100042012509', { ...opts, templates: [{ ...weight21, valueDigits: 4 }] });
    expect(scan.kind).toBe('invalid');
  });
});

describe('classifyScan: GS1 element strings', () => {
  it.each([
    [`]C101${GTIN}1725123110ABC`, { gtin14: GTIN, expiry: '2025-12-31', batch: 'ABC' }],
    [`(01)${GTIN}(17)251231(10)ABC`, { gtin14: GTIN, expiry: '2025-12-31', batch: 'ABC' }],
    [`01${GTIN}1725123110ABC\r\n`, { gtin14: GTIN, expiry: '2025-12-31', batch: 'ABC' }],
    [`]C101${GTIN}10ABC${GS}17250200`, { gtin14: GTIN, batch: 'ABC', expiry: '2025-02-28' }],
    [`${GS}01${GTIN}3103001250`, { gtin14: GTIN, weightGrams: 1250 }],
    [`]e001${GTIN}3103000750${GS}39220598`, { gtin14: GTIN, weightGrams: 750, priceMinor: 598 }],
    // a GS1 DataBar Omnidirectional as most scanners send it: just 01 and the GTIN
    [`01${GTIN}`, { gtin14: GTIN }],
    [`]e001${GTIN}`, { gtin14: GTIN }],
  ])('%j', (raw, expected) => {
    expect(classifyScan(raw, opts)).toEqual({ kind: 'gs1', ...expected });
  });

  it('finds a product stored as EAN-13 by the GTIN-14 of a GS1 scan', () => {
    const ean = classifyScan('9501101530003', opts);
    const gs1 = classifyScan(`]C101${GTIN}10ABC`, opts);
    expect(ean.kind === 'gtin' && gs1.kind === 'gs1' && ean.gtin14 === gs1.gtin14).toBe(true);
  });

  it('uses the sliding-window century when given a reference year', () => {
    expect(classifyScan(`01${GTIN}17991231`, { ...opts, referenceYear: 2025 })).toMatchObject({
      expiry: '1999-12-31',
    });
  });

  it.each([
    [`]C101${GTIN.slice(0, -1)}4`, /bad check digit in AI \(01\)/],
    [`]C101${GTIN}172512`, /truncated/],
    [`]C101${GTIN}2312345`, /unknown AI/],
    [`]C101${GTIN}17251301`, /invalid date/],
    [`(01)${GTIN}(17)250230`, /has no day 30/],
    [']C100106141411234567897', /no GTIN/],
    [`01${GTIN}${GS}10${'A'.repeat(21)}`, /at most 20/],
    [`ab${GS}cd`, /unknown AI/],
  ])('rejects %j', (raw, reason) => {
    expect(classifyScan(raw, opts)).toEqual({
      kind: 'invalid',
      reason: expect.stringMatching(reason) as string,
    });
  });

  it('falls back to an internal code for long digit strings that only look like GS1', () => {
    expect(classifyScan('0199999999999999', opts)).toEqual({ kind: 'code', code: '0199999999999999' });
  });
});

describe('classifyScan: internal codes', () => {
  it.each([
    ['SKU-00042', 'SKU-00042'],
    ['  sku 42  \r\n', 'sku 42'],
    ['R-2025-000123', 'R-2025-000123'],
    ['Käse 200 g', 'Käse 200 g'],
    ['12345', '12345'],
    ['1234567890', '1234567890'],
    // digits of GTIN length under a non-EAN symbology (]C0 Code 128, ]A0 Code 39) are an internal code
    [']C04006381333931', '4006381333931'],
    [']A012345678', '12345678'],
    // ITF that is not 14 digits
    [']I0123456', '123456'],
    ['x'.repeat(MAX_CODE_LENGTH), 'x'.repeat(MAX_CODE_LENGTH)],
  ])('%j -> %j', (raw, code) => {
    expect(classifyScan(raw, opts)).toEqual({ kind: 'code', code });
  });
});

describe('classifyScan: invalid input', () => {
  it.each([
    ['', /empty/],
    ['\r\n', /empty/],
    ['   ', /empty/],
    [']C1', /empty/],
    ['AB\x07C', /control characters/],
    ['AB\x00C', /control characters/],
    ['AB\x7fC', /control characters/],
    ['AB\u0085C', /control characters/],
    ['AB\r\nCD', /control characters/],
    ['x'.repeat(MAX_CODE_LENGTH + 1), /longer than 64/],
    [`]C0AB${GS}CD`, /GS separator in a scan that is not GS1/],
    ['12345678', /bad check digit/],
  ])('%j', (raw, reason) => {
    expect(classifyScan(raw, opts)).toEqual({
      kind: 'invalid',
      reason: expect.stringMatching(reason) as string,
    });
  });
});

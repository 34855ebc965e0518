import { describe, expect, it } from 'vitest';
import { expandYear, parseGs1, parseGs1Date, type Gs1Data } from '../../../hub/domain/barcodes/index.js';

const GS = '\x1d';
const GTIN = '09501101530003'; // the GS1 General Specifications' example GTIN
const EUR = { currencyExponent: 2 };

function parsed(raw: string, opts: { currencyExponent: number; referenceYear?: number } = EUR): Gs1Data {
  const result = parseGs1(raw, opts);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(raw)} to parse, got: ${result.reason}`);
  return result.value;
}

function reason(raw: string, opts: { currencyExponent: number } = EUR): string {
  const result = parseGs1(raw, opts);
  if (result.ok) throw new Error(`expected ${JSON.stringify(raw)} to be rejected`);
  return result.reason;
}

describe('parseGs1: forms of the same element string', () => {
  const expected = { gtin14: GTIN, expiry: '2025-12-31', batch: 'ABC' };
  it.each([
    ['GS1-128 with AIM ]C1', `]C101${GTIN}1725123110ABC`],
    ['no AIM identifier', `01${GTIN}1725123110ABC`],
    ['GS1 DataBar ]e0', `]e001${GTIN}1725123110ABC`],
    ['GS1 DataMatrix ]d2', `]d201${GTIN}1725123110ABC`],
    ['GS1 QR ]Q3', `]Q301${GTIN}1725123110ABC`],
    ['FNC1 in first position sent as GS', `${GS}01${GTIN}1725123110ABC`],
    ['variable field first, ended by GS', `]C101${GTIN}10ABC${GS}17251231`],
    ['redundant GS after fixed fields', `]C101${GTIN}${GS}17251231${GS}10ABC${GS}`],
    ['human-readable brackets', `(01)${GTIN}(17)251231(10)ABC`],
    ['brackets, batch first', `(10)ABC(01)${GTIN}(17)251231`],
  ])('%s', (_form, raw) => {
    expect(parsed(raw)).toMatchObject(expected);
  });

  it('keeps every element in scan order', () => {
    expect(parsed(`]C101${GTIN}10ABC${GS}17251231`).elements).toEqual([
      { ai: '01', data: GTIN },
      { ai: '10', data: 'ABC' },
      { ai: '17', data: '251231' },
    ]);
  });
});

describe('parseGs1: interpreted AIs', () => {
  it.each([
    // AI 17 day 00 means the last day of the month
    ['17250200', '2025-02-28'],
    ['17240200', '2024-02-29'],
    ['17241100', '2024-11-30'],
    ['17251200', '2025-12-31'],
    ['17240229', '2024-02-29'],
  ])('expiry %s -> %s', (element, iso) => {
    expect(parsed(`01${GTIN}${element}`).expiry).toBe(iso);
  });

  it.each([
    // 310n: kg with n decimals -> grams
    ['3100000002', 2000], // 2 kg
    ['3101000125', 12500], // 12.5 kg
    ['3102001250', 12500], // 12.50 kg
    ['3103001250', 1250], // 1.250 kg
    ['3103000189', 189], // 0.189 kg
    ['3104012345', 1235], // 1.2345 kg = 1234.5 g, half away from zero
    ['3105001235', 12], // 0.01235 kg = 12.35 g
    ['3105001250', 13], // 12.5 g rounds up
    ['3105001249', 12],
  ])('net weight %s -> %i g', (element, grams) => {
    expect(parsed(`01${GTIN}${element}`).weightGrams).toBe(grams);
  });

  it.each([
    // 392n: amount payable with n decimals -> minor units of the store currency
    ['39221234', 2, 1234], // 12.34 EUR
    ['3922000995', 2, 995], // leading zeros are fine
    ['39211234', 2, 12340], // 123.4 EUR
    ['39201234', 2, 123400], // 1234 EUR
    ['392312340', 2, 1234], // 12.340 EUR: exact, so accepted
    ['3920500', 0, 500], // 500 JPY
    ['39221234', 3, 12340], // 12.34 in a 3-decimal currency (KWD): 12.340
  ])('price %s with currency exponent %i -> %i', (element, currencyExponent, minor) => {
    expect(parsed(`01${GTIN}${element}`, { currencyExponent }).priceMinor).toBe(minor);
  });

  it('reads weight and price together (a weighed item from a GS1 DataBar Expanded)', () => {
    const data = parsed(`]e001${GTIN}3103000750${GS}3922000598${GS}10L42`);
    expect(data).toMatchObject({ gtin14: GTIN, weightGrams: 750, priceMinor: 598, batch: 'L42' });
  });

  it('steps over an unknown AI from the predefined fixed-length table without a separator', () => {
    // 3202 is net weight in pounds: in the 32 prefix, so 4 + 6 digits and no GS needed after it.
    const data = parsed(`01${GTIN}320200123410ABC`);
    expect(data.batch).toBe('ABC');
    expect(data.weightGrams).toBeUndefined();
    expect(data.elements.map((e) => e.ai)).toEqual(['01', '3202', '10']);
  });

  it('reads other known variable AIs up to the GS', () => {
    const data = parsed(`]C101${GTIN}21SER-001${GS}400PO4711${GS}15251200`);
    expect(data.elements).toEqual([
      { ai: '01', data: GTIN },
      { ai: '21', data: 'SER-001' },
      { ai: '400', data: 'PO4711' },
      { ai: '15', data: '251200' },
    ]);
  });

  it('carries an AI it does not know when brackets show where it ends', () => {
    expect(parsed(`(01)${GTIN}(7240)ABC`).elements).toContainEqual({ ai: '7240', data: 'ABC' });
  });

  it('accepts a batch of exactly 20 characters', () => {
    expect(parsed(`01${GTIN}10${'A'.repeat(20)}`).batch).toBe('A'.repeat(20));
  });

  it('verifies the SSCC check digit (GS1 example 106141411234567897)', () => {
    expect(parsed(']C100106141411234567897').gtin14).toBeUndefined();
    expect(reason(']C100106141411234567898')).toMatch(/bad check digit in AI \(00\)/);
  });
});

describe('parseGs1: rejected scans', () => {
  it.each([
    ['bad GTIN check digit', '0109501101530004', /bad check digit in AI \(01\)/],
    ['GTIN cut short', '0109501101530', /truncated: AI \(01\) needs 14 digits/],
    ['expiry cut short', `01${GTIN}172512`, /truncated: AI \(17\) needs 6 digits/],
    ['GS inside a fixed field', `010950110153${GS}0003`, /truncated: AI \(01\)/],
    ['AI cut short', `01${GTIN}310`, /truncated: AI \(310\) is incomplete/],
    ['unknown variable AI', `01${GTIN}2312345`, /unknown AI at "2312"/],
    ['batch over 20 characters', `01${GTIN}10${'A'.repeat(21)}`, /at most 20 characters, got 21/],
    ['price without its GS', `01${GTIN}3922123410ABC`, /AI \(3922\) has characters/],
    ['character outside set 82', `01${GTIN}10AB#C`, /AI \(10\) has characters/],
    ['month 13', `01${GTIN}17251301`, /AI \(17\): invalid date "251301": month 13/],
    ['30 February', `01${GTIN}17250230`, /has no day 30/],
    ['29 February in a common year', `01${GTIN}17250229`, /2025-02 has no day 29/],
    ['bad production date', `01${GTIN}11259900`, /AI \(11\): invalid date/],
    ['price in fractions of a cent', `01${GTIN}392312345`, /AI \(3923\): .*not a whole number/],
    ['price too large for a safe integer', `01${GTIN}3920${'9'.repeat(15)}`, /too large/],
    ['same AI twice', `01${GTIN}01${GTIN}`, /AI \(01\) appears more than once/],
    ['two net weights', `01${GTIN}31030012503102000125`, /AI \(3102\) appears more than once/],
    ['empty', '', /empty/],
    ['only an AIM identifier', ']C1', /empty/],
    ['not an AI at all', 'ABC', /unknown AI/],
    ['brackets: GTIN cut short', '(01)0950110153000', /truncated: AI \(01\) needs 14 characters, got 13/],
    ['brackets: AI with no data', `(01)${GTIN}(99)`, /AI \(99\) has no data/],
    ['brackets: unknown AI with no data', `(01)${GTIN}(7240)`, /AI \(7240\) has no data/],
    ['variable AI with no data', `01${GTIN}10${GS}17251231`, /AI \(10\) has no data/],
    ['brackets: GS inside', `(01)${GTIN}${GS}(10)A`, /GS separator/],
    ['brackets: not starting with an AI', `x(01)${GTIN}`, /unknown AI/],
    ['brackets: AI of the wrong length', `(010)${GTIN}`, /invalid AI \(010\)/],
    ['brackets: variable field too long', `(10)${'A'.repeat(21)}`, /at most 20/],
  ])('%s', (_case, raw, expected) => {
    expect(reason(raw)).toMatch(expected);
  });
});

describe('GS1 dates', () => {
  it.each([
    // without a reference year, YY is 20YY
    [25, undefined, 2025],
    [99, undefined, 2099],
    // sliding window: up to 49 years ahead, 50 behind
    [99, 2025, 1999],
    [75, 2025, 2075],
    [76, 2025, 1976],
    [0, 2025, 2000],
    [10, 2090, 2110],
    [40, 2090, 2140],
    [41, 2090, 2041],
  ])('YY %i with reference year %s -> %i', (yy, referenceYear, year) => {
    expect(expandYear(yy, referenceYear)).toBe(year);
  });

  it('applies the sliding window to expiry when a reference year is given', () => {
    expect(parsed(`01${GTIN}17991231`, { currencyExponent: 2, referenceYear: 2025 }).expiry).toBe(
      '1999-12-31',
    );
    expect(parsed(`01${GTIN}17991231`).expiry).toBe('2099-12-31');
  });

  it.each(['2512', '25123A', '2512311'])('rejects %j', (s) => {
    expect(parseGs1Date(s).ok).toBe(false);
  });

  it('knows century leap years', () => {
    expect(parseGs1Date('000200', 2025)).toEqual({ ok: true, value: '2000-02-29' });
    expect(parseGs1Date('000200', 2060)).toEqual({ ok: true, value: '2100-02-28' });
  });
});

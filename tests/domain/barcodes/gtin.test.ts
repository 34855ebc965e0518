import { describe, expect, it } from 'vitest';
import {
  compressUpcA,
  expandUpcE,
  gs1CheckDigit,
  hasValidCheckDigit,
  isValidGtin,
  toGtin14,
  withCheckDigit,
} from '../../../hub/domain/barcodes/index.js';

describe('GS1 mod-10 check digit', () => {
  it.each([
    ['EAN-13', '4006381333931'],
    ['EAN-13', '5901234123457'],
    ['EAN-13 (GS1 example)', '9501101530003'],
    ['EAN-8', '96385074'],
    ['UPC-A', '036000291452'],
    ['GTIN-14', '10012345678902'],
    ['GTIN-14 (GS1 example)', '09501101530003'],
    ['SSCC (18 digits)', '106141411234567897'],
  ])('%s %s is valid and its check digit is recomputed', (_kind, code) => {
    expect(hasValidCheckDigit(code)).toBe(true);
    expect(gs1CheckDigit(code.slice(0, -1))).toBe(Number(code.slice(-1)));
    expect(withCheckDigit(code.slice(0, -1))).toBe(code);
  });

  it.each(['4006381333932', '5901234123450', '96385075', '036000291453', '10012345678903'])(
    'rejects %s with a wrong check digit',
    (code) => {
      expect(hasValidCheckDigit(code)).toBe(false);
      expect(isValidGtin(code)).toBe(false);
    },
  );

  it('is the same for a code and its zero-padded forms', () => {
    expect(gs1CheckDigit('03600029145')).toBe(gs1CheckDigit('0000003600029145'));
  });

  it.each(['', '1', '12a4', ' 4006381333931', '4006381333931 '])('never accepts %j', (code) => {
    expect(hasValidCheckDigit(code)).toBe(false);
  });

  it('throws on non-digits in the body (programmer error, not a scan)', () => {
    expect(() => gs1CheckDigit('40063813339x')).toThrow(RangeError);
  });

  it('only calls the GTIN lengths GTINs', () => {
    expect(isValidGtin('106141411234567897')).toBe(false);
    expect(isValidGtin('12')).toBe(false);
  });
});

describe('toGtin14', () => {
  it.each([
    ['4006381333931', '04006381333931'],
    ['036000291452', '00036000291452'],
    ['0036000291452', '00036000291452'],
    ['96385074', '00000096385074'],
    ['10012345678902', '10012345678902'],
  ])('%s -> %s', (code, gtin14) => {
    expect(toGtin14(code)).toEqual({ ok: true, value: gtin14 });
  });

  it('makes a UPC-A and its EAN-13 spelling the same key', () => {
    expect(toGtin14('036000291452')).toEqual(toGtin14('0036000291452'));
  });

  it('makes an EAN-13 match the GTIN-14 of a GS1-128 scan', () => {
    expect(toGtin14('9501101530003')).toEqual({ ok: true, value: '09501101530003' });
  });

  it.each([
    ['4006381333932', /bad check digit/],
    ['40063813339', /8, 12, 13 or 14 digits/],
    ['400638133393A', /digits only/],
    ['', /digits only/],
  ])('rejects %j', (code, reason) => {
    const result = toGtin14(code);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('UPC-E', () => {
  // Expanded form by rule, check digit from the expanded UPC-A.
  it.each([
    // last digit 0-2: maker d1 d2 d6 0 0, product 0 0 d3 d4 d5
    ['04252614', '042100005264'],
    ['01234505', '012000003455'],
    ['11234520', '112200003450'],
    // last digit 3: maker d1 d2 d3 0 0, product 0 0 0 d4 d5
    ['01234531', '012300000451'],
    // last digit 4: maker d1..d4 0, product 0 0 0 0 d5
    ['01234543', '012340000053'],
    // last digit 5-9: maker d1..d5, product 0 0 0 0 d6
    ['01234565', '012345000065'],
    ['01234596', '012345000096'],
  ])('%s expands to %s', (upcE, upcA) => {
    expect(expandUpcE(upcE)).toEqual({ ok: true, value: upcA });
    expect(hasValidCheckDigit(upcA)).toBe(true);
    expect(compressUpcA(upcA)).toBe(upcE);
  });

  it.each([
    ['04252615', /bad check digit/],
    ['24252614', /number system must be 0 or 1/],
    ['0425261', /8 digits/],
    ['0425261x', /8 digits/],
  ])('rejects %s', (upcE, reason) => {
    const result = expandUpcE(upcE);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('cannot compress a UPC-A whose zeros are in the wrong place', () => {
    expect(compressUpcA('036000291452')).toBeUndefined();
    expect(compressUpcA('212345000065')).toBeUndefined();
    expect(compressUpcA('01234500006')).toBeUndefined();
  });
});

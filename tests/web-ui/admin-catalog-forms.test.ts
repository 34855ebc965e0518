import { describe, expect, it } from 'vitest';
import { layoutPattern } from '../../web-ui/admin/catalog/label-api.js';
import {
  attributeText,
  barcodeLines,
  parseAttributeText,
  parseBarcodeLines,
} from '../../web-ui/admin/catalog/product-form.js';
import { zonedInputToIso } from '../../web-ui/admin/catalog/zoned-time.js';

describe('product editor fields', () => {
  it('reads barcodes a line each, PLUs as scale item codes, and writes them back the same way', () => {
    const parsed = parseBarcodeLines(' 5701234000309 \n\nPLU 1234\nplu:0042, ABC-1');
    expect(parsed).toEqual([
      '5701234000309',
      { code: '1234', kind: 'plu' },
      { code: '0042', kind: 'plu' },
      'ABC-1',
    ]);
    expect(
      barcodeLines([
        { kind: 'gtin', display: '5701234000309' },
        { kind: 'plu', display: '1234' },
      ]),
    ).toBe('5701234000309\nPLU 1234');
  });

  it('reads attributes as name=value pairs and refuses anything else', () => {
    expect(parseAttributeText('size=M; colour = Red;')).toEqual({ size: 'M', colour: 'Red' });
    expect(parseAttributeText('Size=M')).toBeNull();
    expect(parseAttributeText('size M')).toBeNull();
    expect(parseAttributeText('size=')).toBeNull();
    expect(attributeText({ size: 'M', colour: 'Red' })).toBe('size=M; colour=Red');
  });

  it('draws a label layout as its 13 digits', () => {
    expect(
      layoutPattern({ prefix: '20', itemDigits: 5, value: 'price', valueDigits: 4, verifier: true }),
    ).toBe('20IIIIIVPPPPC');
    expect(
      layoutPattern({ prefix: '28', itemDigits: 5, value: 'weight', valueDigits: 5, verifier: false }),
    ).toBe('28IIIIIWWWWWC');
  });
});

describe('a scheduled time typed in the admin', () => {
  it('means the shop clock, in summer and winter time', () => {
    expect(zonedInputToIso('2026-07-04T08:00', 'Europe/Copenhagen')).toBe('2026-07-04T06:00:00.000Z');
    expect(zonedInputToIso('2026-12-24T08:00', 'Europe/Copenhagen')).toBe('2026-12-24T07:00:00.000Z');
    expect(zonedInputToIso('2026-07-04T08:00', 'Asia/Taipei')).toBe('2026-07-04T00:00:00.000Z');
    expect(zonedInputToIso('2026-03-29T12:00', 'Europe/Helsinki')).toBe('2026-03-29T09:00:00.000Z');
    expect(zonedInputToIso('tomorrow', 'Europe/Copenhagen')).toBeNull();
  });
});

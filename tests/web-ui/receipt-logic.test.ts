import { describe, expect, it } from 'vitest';
import { DecodeError } from '../../web-ui/shared/api/decode.js';
import { decodeEReceipt } from '../../web-ui/shared/api/receipt-endpoints.js';
import { cleanEmail } from '../../web-ui/till/receipt/receipt-logic.js';

describe('the e-mail address a cashier types', () => {
  it('is trimmed and kept when it can be an address', () => {
    expect(cleanEmail('  kunde@example.com ')).toBe('kunde@example.com');
    expect(cleanEmail('anna.berg+kvit@mail.example.dk')).toBe('anna.berg+kvit@mail.example.dk');
  });

  it('is refused when it cannot be one', () => {
    for (const bad of [
      '',
      'kunde',
      'kunde@',
      '@example.com',
      'kunde@example',
      'ku nde@example.com',
      'a@b@c.dk',
    ]) {
      expect(cleanEmail(bad), bad).toBeNull();
    }
    expect(cleanEmail(`${'a'.repeat(250)}@x.dk`)).toBeNull();
  });
});

describe('the hub’s e-receipt answer', () => {
  it('decodes the fields the till shows, with no QR when the store has no public address', () => {
    const fields = {
      saleId: 's1',
      receiptCode: '1-7',
      url: null,
      qrPath: null,
      printed: true,
      emailConfigured: false,
    };
    expect(decodeEReceipt({ ...fields, extra: 'ignored' })).toEqual(fields);
  });

  it('refuses an answer that is not one (a captive portal, an old hub)', () => {
    expect(() => decodeEReceipt('<html>')).toThrow(DecodeError);
    expect(() => decodeEReceipt({ saleId: 's1' })).toThrow(DecodeError);
  });
});

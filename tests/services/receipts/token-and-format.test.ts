import { describe, expect, it } from 'vitest';
import {
  createFormatter,
  makeReceiptToken,
  receiptUrl,
  scaledDecimal,
  verifyReceiptToken,
} from '../../../hub/services/receipts/index.js';

const SECRET = 'a-secret-the-lead-supplies-32b!!';
const SALE = '0190a000-0000-7000-8000-00000000abcd';

describe('receipt URL token', () => {
  it('is 22 base64url characters that verify for the sale and no other', () => {
    const token = makeReceiptToken(SALE, SECRET);
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(verifyReceiptToken(SALE, token, SECRET)).toBe(true);
    expect(verifyReceiptToken(SALE.replace('abcd', 'abce'), token, SECRET)).toBe(false);
    expect(verifyReceiptToken(SALE, token, 'another-secret-of-enough-bytes')).toBe(false);
    expect(verifyReceiptToken(SALE, token.slice(0, 21) + (token.endsWith('A') ? 'B' : 'A'), SECRET)).toBe(
      false,
    );
    expect(verifyReceiptToken(SALE, '', SECRET)).toBe(false);
  });

  it('builds the public URL, or none without a public base URL', () => {
    expect(receiptUrl('https://shop.example/', '3-127', SALE, SECRET)).toBe(
      `https://shop.example/r/3-127?t=${makeReceiptToken(SALE, SECRET)}`,
    );
    expect(receiptUrl(undefined, '3-127', SALE, SECRET)).toBeNull();
  });

  it('refuses a short secret', () => {
    expect(() => makeReceiptToken(SALE, 'short')).toThrow(/at least 16 bytes/);
  });
});

describe('money without floats', () => {
  it('scales integers to exact decimal strings', () => {
    expect(scaledDecimal(5, 2)).toBe('0.05');
    expect(scaledDecimal(-123456, 2)).toBe('-1234.56');
    expect(scaledDecimal(1234, 3)).toBe('1.234');
    expect(scaledDecimal(7, 0)).toBe('7');
    expect(scaledDecimal(9007199254740991, 2)).toBe('90071992547409.91');
    expect(() => scaledDecimal(0.5, 2)).toThrow(/safe integer/);
  });

  it('formats exactly in the store locale, even beyond float precision', () => {
    const dk = createFormatter('da-DK', 'DKK', 'Europe/Copenhagen');
    expect(dk.money(9007199254740991).replace(/\s/g, ' ')).toBe('90.071.992.547.409,91 kr.');
    expect(dk.amount(-5)).toBe('-0,05');
    expect(createFormatter('en-US', 'JPY', 'Asia/Tokyo').money(1234)).toBe('¥1,234');
    expect(createFormatter('en-US', 'KWD', 'Asia/Kuwait').amount(1234)).toBe('1.234');
    expect(dk.rate(2550).replace(/\s/g, ' ')).toBe('25,5 %');
    expect(dk.dateTime('2026-06-30T22:30:00.000Z')).toBe('01.07.2026, 00.30');
  });
});

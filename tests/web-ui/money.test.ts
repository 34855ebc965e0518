import { describe, expect, it } from 'vitest';
import { currencyExponent as hubExponent } from '../../hub/domain/money.js';
import {
  currencyExponent,
  displayDigits,
  formatMoney,
  minorToDecimalString,
} from '../../web-ui/shared/format/money.js';

// Intl puts a narrow no-break space (U+202F) or no-break space (U+00A0) in some locales; compare with
// plain spaces so the expectations read like what a cashier sees.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('money for display', () => {
  it('builds the decimal string from the integer digits, never through a float', () => {
    expect(minorToDecimalString(123450, 2)).toBe('1234.50');
    expect(minorToDecimalString(5, 2)).toBe('0.05');
    expect(minorToDecimalString(-5, 2)).toBe('-0.05');
    expect(minorToDecimalString(0, 2)).toBe('0.00');
    expect(minorToDecimalString(1234, 0)).toBe('1234');
    expect(minorToDecimalString(1, 3)).toBe('0.001');
    // 2^53 - 1 minor units would lose its last digit if it were ever divided as a float.
    expect(minorToDecimalString(Number.MAX_SAFE_INTEGER, 2)).toBe('90071992547409.91');
    expect(() => minorToDecimalString(1.5, 2)).toThrow(RangeError);
  });

  it('agrees with the hub on the minor unit of every currency the presets use', () => {
    for (const code of ['DKK', 'EUR', 'UAH', 'TWD', 'CNY', 'USD', 'JPY', 'ISK', 'KRW', 'BHD', 'KWD', 'SEK']) {
      expect(currencyExponent(code), code).toBe(hubExponent(code));
    }
  });

  it('formats Danish kroner in da-DK', () => {
    expect(plain(formatMoney(123450, 'DKK', 'da-DK'))).toBe('1.234,50 kr.');
    expect(plain(formatMoney(-50, 'DKK', 'da-DK'))).toBe('-0,50 kr.');
  });

  it('formats euros in fi-FI', () => {
    expect(plain(formatMoney(123405, 'EUR', 'fi-FI'))).toBe('1 234,05 €');
  });

  it('formats hryvnia in uk-UA', () => {
    expect(plain(formatMoney(123450, 'UAH', 'uk-UA'))).toBe('1 234,50 ₴');
  });

  it('shows New Taiwan dollars without cents, unless that would hide some', () => {
    expect(displayDigits(123400, 'TWD')).toBe(0);
    expect(plain(formatMoney(123400, 'TWD', 'zh-TW'))).toBe('$1,234');
    expect(displayDigits(123450, 'TWD')).toBe(2);
    expect(plain(formatMoney(123450, 'TWD', 'zh-TW'))).toBe('$1,234.50');
    expect(plain(formatMoney(0, 'TWD', 'zh-TW'))).toBe('$0');
  });

  it('formats yen (no minor unit) and dinar (three digits) from their minor units', () => {
    expect(plain(formatMoney(1234, 'JPY', 'ja-JP'))).toBe('￥1,234');
    expect(plain(formatMoney(1234567, 'BHD', 'en-US'))).toBe('BHD 1,234.567');
  });
});

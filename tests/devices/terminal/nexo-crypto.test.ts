import { describe, expect, it } from 'vitest';
import {
  decimalToMinor,
  DecimalText,
  minorToDecimal,
  numberLiteral,
  stringifyWithDecimals,
} from '../../../devices/terminal/nexo-amount.js';
import { NexoSecurityError, open, seal } from '../../../devices/terminal/nexo-crypto.js';
import { serviceIdFor } from '../../../devices/terminal/nexo-messages.js';

const key = { passphrase: 'shared-secret-from-the-terminal', keyIdentifier: 'HUBKEY', keyVersion: 1 };

describe('nexo message protection', () => {
  it('seals and opens a message, with a fresh nonce each time', () => {
    const text = JSON.stringify({
      SaleToPOIRequest: { MessageHeader: { ServiceID: 'a' }, PaymentRequest: { n: 'ø 牛奶' } },
    });
    const a = seal({ ServiceID: 'a' }, text, key);
    const b = seal({ ServiceID: 'a' }, text, key);
    expect(a.NexoBlob).not.toBe(b.NexoBlob);
    expect(a.SecurityTrailer).toMatchObject({
      AdyenCryptoVersion: 1,
      KeyIdentifier: 'HUBKEY',
      KeyVersion: 1,
    });
    expect(open(a, key)).toBe(text);
    expect(a.NexoBlob).not.toContain('PaymentRequest');
  });

  it('refuses an altered message, a wrong passphrase and a foreign key id', () => {
    const sealed = seal({}, '{"x":1}', key);
    const blob = Buffer.from(sealed.NexoBlob, 'base64');
    blob[0] = (blob[0] ?? 0) ^ 1;
    expect(() => open({ ...sealed, NexoBlob: blob.toString('base64') }, key)).toThrow(NexoSecurityError);
    expect(() => open(sealed, { ...key, passphrase: 'other' })).toThrow(NexoSecurityError);
    expect(() => open(sealed, { ...key, keyIdentifier: 'OTHER' })).toThrow(/for key HUBKEY/);
    const hmac = Buffer.from(sealed.SecurityTrailer.Hmac, 'base64');
    hmac[3] = (hmac[3] ?? 0) ^ 0xff;
    expect(() =>
      open({ ...sealed, SecurityTrailer: { ...sealed.SecurityTrailer, Hmac: hmac.toString('base64') } }, key),
    ).toThrow(/HMAC/);
  });
});

describe('nexo amounts never pass through a float', () => {
  it('writes minor units as decimal text for each exponent', () => {
    expect(minorToDecimal(1099, 2)).toBe('10.99');
    expect(minorToDecimal(5, 2)).toBe('0.05');
    expect(minorToDecimal(-150, 2)).toBe('-1.50');
    expect(minorToDecimal(1500, 0)).toBe('1500');
    expect(minorToDecimal(1234, 3)).toBe('1.234');
    // 0.1 + 0.2 style drift is impossible: the digits are the integer's digits.
    expect(minorToDecimal(9_007_199_254_740_991, 2)).toBe('90071992547409.91');
  });

  it('reads decimal text back, refusing sub-minor precision', () => {
    expect(decimalToMinor('10.99', 2)).toBe(1099);
    expect(decimalToMinor('10.9', 2)).toBe(1090);
    expect(decimalToMinor('10', 2)).toBe(1000);
    expect(decimalToMinor('10.990', 2)).toBe(1099);
    expect(decimalToMinor('10.991', 2)).toBeNull();
    expect(decimalToMinor('1e3', 2)).toBeNull();
    expect(decimalToMinor('abc', 2)).toBeNull();
  });

  it('puts decimals in the JSON as number literals and finds them again', () => {
    const json = stringifyWithDecimals({
      AmountsReq: { Currency: 'DKK', RequestedAmount: new DecimalText('1234.50') },
    });
    expect(json).toBe('{"AmountsReq":{"Currency":"DKK","RequestedAmount":1234.50}}');
    expect(numberLiteral(json, 'RequestedAmount')).toBe('1234.50');
  });

  it('derives a stable ServiceID of at most 10 characters from a payment id', () => {
    const id = '0195b7c2-1d2e-7f00-8000-000000000001';
    expect(serviceIdFor(id)).toBe(serviceIdFor(id));
    expect(serviceIdFor(id)).toMatch(/^[0-9a-z]{10}$/);
    expect(serviceIdFor(id)).not.toBe(serviceIdFor('0195b7c2-1d2e-7f00-8000-000000000002'));
  });
});

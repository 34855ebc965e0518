import { afterEach, describe, expect, it } from 'vitest';
import {
  FALLBACK_STORE_FORMAT,
  setStoreFormat,
  storeFormat,
  storeMoney,
} from '../../web-ui/shared/format/store-format.js';
import { TillStorage } from '../../web-ui/shared/storage/till-storage.js';

// Intl separates with no-break spaces in some locales; compare with plain spaces, as a cashier reads it.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('money in the store’s locale, whatever language the cashier picked', () => {
  afterEach(() => {
    setStoreFormat(FALLBACK_STORE_FORMAT);
  });

  it('writes Danish kroner the Danish way', () => {
    setStoreFormat({ locale: 'da-DK', currency: 'DKK' });
    expect(plain(storeMoney(6585))).toBe('65,85 kr.');
    expect(plain(storeMoney(123450))).toBe('1.234,50 kr.');
  });

  it('writes euros in a Finnish store the Finnish way', () => {
    setStoreFormat({ locale: 'fi-FI', currency: 'EUR' });
    expect(plain(storeMoney(6585))).toBe('65,85 €');
  });

  it('writes New Taiwan dollars without cents (cash has none)', () => {
    setStoreFormat({ locale: 'zh-TW', currency: 'TWD' });
    expect(plain(storeMoney(6500))).toBe('$65');
    expect(plain(storeMoney(123400))).toBe('$1,234');
  });

  it('writes yuan and hryvnia in their stores’ locales', () => {
    setStoreFormat({ locale: 'zh-CN', currency: 'CNY' });
    expect(plain(storeMoney(6585))).toBe('¥65.85');
    setStoreFormat({ locale: 'uk-UA', currency: 'UAH' });
    expect(plain(storeMoney(6585))).toBe('65,85 ₴');
  });

  it('shows another currency in the store’s locale when a figure carries its own', () => {
    setStoreFormat({ locale: 'da-DK', currency: 'DKK' });
    expect(plain(storeMoney(6585, 'EUR'))).toBe('65,85 €');
  });

  it('keeps the last good format when the hub sends one Intl does not know', () => {
    setStoreFormat({ locale: 'da-DK', currency: 'DKK' });
    expect(setStoreFormat({ locale: 'da-DK', currency: 'NOT A CURRENCY' })).toBe(false);
    expect(storeFormat()).toEqual({ locale: 'da-DK', currency: 'DKK' });
  });

  it('is remembered on the till, so a till started while the hub is away formats the same', () => {
    const backing = new Map<string, string>();
    const kv = {
      getItem: (k: string) => backing.get(k) ?? null,
      setItem: (k: string, v: string) => void backing.set(k, v),
      removeItem: (k: string) => void backing.delete(k),
    };
    expect(new TillStorage(kv).storeFormat).toBeNull();
    new TillStorage(kv).storeFormat = { locale: 'fi-FI', currency: 'EUR' };
    expect(new TillStorage(kv).storeFormat).toEqual({ locale: 'fi-FI', currency: 'EUR' });
  });
});

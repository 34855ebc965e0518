import { describe, expect, it } from 'vitest';
import { currencyExponent } from '../../hub/domain/money.js';
import {
  circulatingDenominations,
  denominations,
  hasDenominations,
  quickTenderAmounts,
} from '../../hub/domain/denominations.js';

const CURRENCIES = ['DKK', 'EUR', 'TWD', 'UAH', 'CNY', 'USD', 'GBP', 'SEK', 'NOK'];

describe('denomination tables', () => {
  it.each(CURRENCIES)('%s is sorted largest first, positive, unique, notes above coins', (currency) => {
    expect(hasDenominations(currency)).toBe(true);
    expect(currencyExponent(currency)).toBe(2);
    const list = denominations(currency);
    const values = list.map((d) => d.valueMinor);
    expect(values.every((v) => Number.isSafeInteger(v) && v > 0)).toBe(true);
    expect(new Set(values).size).toBe(values.length);
    expect([...values].sort((a, b) => b - a)).toEqual(values);
    const smallestNote = Math.min(...list.filter((d) => d.kind === 'note').map((d) => d.valueMinor));
    const largestCoin = Math.max(...list.filter((d) => d.kind === 'coin').map((d) => d.valueMinor));
    expect(smallestNote).toBeGreaterThanOrEqual(largestCoin);
  });

  it('lists the Danish notes and coins down to 50 øre', () => {
    expect(denominations('DKK').map((d) => d.valueMinor)).toEqual([
      100000, 50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50,
    ]);
  });

  it('keeps hryvnia coins from 10 kopiyka and counts 1-10 hryvnia notes with the coins', () => {
    const uah = denominations('UAH');
    expect(uah.at(-1)?.valueMinor).toBe(10);
    expect(uah.find((d) => d.valueMinor === 1000)).toEqual({
      valueMinor: 1000,
      kind: 'coin',
      alsoIssuedAs: 'note',
    });
  });

  it('flags 1 and 2 euro cent as not circulating in Finland but circulating in Germany', () => {
    const fi = circulatingDenominations('EUR', 'FI').filter((d) => !d.circulates);
    expect(fi.map((d) => d.valueMinor)).toEqual([2, 1]);
    expect(circulatingDenominations('EUR', 'DE').every((d) => d.circulates)).toBe(true);
  });

  it('agrees with cash rounding for every other currency: all listed pieces circulate', () => {
    for (const currency of CURRENCIES.filter((c) => c !== 'EUR')) {
      expect(circulatingDenominations(currency).every((d) => d.circulates)).toBe(true);
    }
  });

  it('refuses an unknown currency instead of counting nothing', () => {
    expect(hasDenominations('dkk')).toBe(false);
    expect(() => denominations('XXX')).toThrow(RangeError);
  });
});

describe('quickTenderAmounts', () => {
  it('suggests the next sensible notes above the due', () => {
    expect(quickTenderAmounts('USD', 1345)).toEqual([1400, 1500, 2000, 5000]);
    expect(quickTenderAmounts('DKK', 4750)).toEqual([5000, 10000, 20000, 50000]);
    expect(quickTenderAmounts('EUR', 1234)).toEqual([1500, 2000, 5000, 10000]);
  });

  it('suggests bigger notes when the due is already a round note', () => {
    expect(quickTenderAmounts('EUR', 2000)).toEqual([5000, 10000, 20000, 50000]);
  });

  it('is empty when nothing is due or no note exceeds it', () => {
    expect(quickTenderAmounts('DKK', 0)).toEqual([]);
    expect(quickTenderAmounts('DKK', -500)).toEqual([]);
    expect(quickTenderAmounts('GBP', 5000)).toEqual([6000]);
    expect(quickTenderAmounts('GBP', 10000)).toEqual([]);
  });

  it('always gives amounts above the due, ascending, whole multiples of a note', () => {
    for (const currency of CURRENCIES) {
      const notes = denominations(currency)
        .filter((d) => d.kind === 'note' || d.alsoIssuedAs === 'note')
        .map((d) => d.valueMinor);
      for (const due of [1, 99, 101, 4999, 12345, 99999]) {
        const amounts = quickTenderAmounts(currency, due);
        expect([...amounts].sort((a, b) => a - b)).toEqual(amounts);
        for (const amount of amounts) {
          expect(amount).toBeGreaterThan(due);
          expect(notes.some((n) => amount % n === 0)).toBe(true);
        }
      }
    }
  });

  it('refuses a fractional due', () => {
    expect(() => quickTenderAmounts('EUR', 12.5)).toThrow(RangeError);
  });
});

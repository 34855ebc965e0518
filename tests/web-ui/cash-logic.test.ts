import { describe, expect, it } from 'vitest';
import type { Denomination } from '../../web-ui/shared/api/cash-endpoints.js';
import { parseAmount } from '../../web-ui/shared/format/parse-amount.js';
import { CASH_ACTIONS, cashActionForKey } from '../../web-ui/till/cash/cash-actions.js';
import {
  countBody,
  countedDenominations,
  MAX_PIECES,
  parsePieces,
  rowAmount,
  summarizeCount,
  withPieces,
} from '../../web-ui/till/cash/denomination-count.js';
import { TILL_MODES, tillModeFor, tillModeForKey } from '../../web-ui/till/app/till-modes.js';

const note = (valueMinor: number): Denomination => ({
  valueMinor,
  kind: 'note',
  alsoIssuedAs: null,
  circulates: true,
});
const coin = (valueMinor: number, circulates = true): Denomination => ({
  valueMinor,
  kind: 'coin',
  alsoIssuedAs: null,
  circulates,
});

// Danish kroner as the hub lists them (minor units, largest first).
const DKK = [
  note(100000),
  note(50000),
  note(20000),
  note(10000),
  note(5000),
  coin(2000),
  coin(1000),
  coin(500),
  coin(200),
  coin(100),
  coin(50),
];

describe('counting a drawer by note and coin', () => {
  it('reads pieces: blank is none, digits only, within the hub’s limit', () => {
    expect(parsePieces('')).toBe(0);
    expect(parsePieces('  7 ')).toBe(7);
    expect(parsePieces('0')).toBe(0);
    expect(parsePieces(String(MAX_PIECES))).toBe(MAX_PIECES);
    expect(parsePieces(String(MAX_PIECES + 1))).toBeNull();
    for (const bad of ['-1', '1.5', '2,0', 'x', '1e3', '3 4']) expect(parsePieces(bad)).toBeNull();
  });

  it('adds the rows in integer minor units, largest first, leaving out empty rows', () => {
    let texts = new Map<number, string>();
    texts = withPieces(texts, 50, '3');
    texts = withPieces(texts, 20000, '2');
    texts = withPieces(texts, 100, '');
    texts = withPieces(texts, 5000, '1');
    const summary = summarizeCount(DKK, texts);
    // 2 x 200 kr + 1 x 50 kr + 3 x 0.50 kr = 451.50 kr
    expect(summary.totalMinor).toBe(45150);
    expect(summary.counts).toEqual([
      { denominationMinor: 20000, count: 2 },
      { denominationMinor: 5000, count: 1 },
      { denominationMinor: 50, count: 3 },
    ]);
    expect(summary.invalid).toEqual([]);
    expect(countBody(summary)).toEqual({ counts: summary.counts });
    expect(rowAmount(20000, '2')).toBe(40000);
    expect(rowAmount(20000, 'x')).toBe(0);
  });

  it('sums cents exactly where floats would not (0.10 + 0.20)', () => {
    const eur = [coin(20), coin(10)];
    const summary = summarizeCount(
      eur,
      new Map([
        [10, '1'],
        [20, '1'],
      ]),
    );
    expect(summary.totalMinor).toBe(30);
  });

  it('refuses a count with a row that is not a number, naming the row, and sends nothing', () => {
    const summary = summarizeCount(
      DKK,
      new Map([
        [10000, '2'],
        [500, 'five'],
      ]),
    );
    expect(summary.invalid).toEqual([500]);
    expect(summary.totalMinor).toBe(20000);
    expect(countBody(summary)).toBeNull();
  });

  it('sends an empty drawer as a total of 0 (the hub wants at least one row by denomination)', () => {
    expect(countBody(summarizeCount(DKK, new Map()))).toEqual({ totalMinor: 0 });
  });

  it('counts in the circulating denominations, largest first', () => {
    const shown = countedDenominations([coin(1, false), coin(2, false), note(500), coin(5), note(1000)]);
    expect(shown.map((d) => d.valueMinor)).toEqual([1000, 500, 5]);
  });

  it('keeps the previous texts unchanged when a row changes', () => {
    const before = new Map([[100, '1']]);
    const after = withPieces(before, 100, '2');
    expect(before.get(100)).toBe('1');
    expect(after.get(100)).toBe('2');
  });
});

describe('amounts typed in the locale’s number format', () => {
  it('reads Danish, English, Finnish and Chinese writing to minor units', () => {
    expect(parseAmount('1.250,50', 2, ['da-DK'])).toBe(125050);
    expect(parseAmount('1,250.50', 2, ['en'])).toBe(125050);
    expect(parseAmount('1 250,50', 2, ['fi'])).toBe(125050);
    expect(parseAmount('1\u00a0250,50', 2, ['fi'])).toBe(125050);
    expect(parseAmount('1,250.5', 2, ['zh-Hant-TW'])).toBe(125050);
    expect(parseAmount('500', 2, ['da-DK'])).toBe(50000);
    expect(parseAmount('500,', 2, ['da-DK'])).toBe(50000);
    expect(parseAmount('0,05', 2, ['da-DK'])).toBe(5);
  });

  it('takes the other decimal sign where the locale does not group with it', () => {
    expect(parseAmount('12.50', 2, ['fi'])).toBe(1250);
    expect(parseAmount('12,5', 2, ['uk'])).toBe(1250);
  });

  it('falls back to the store’s format when the screen’s does not read it', () => {
    // English grouping wants three digits after a comma: "12,5" is the Danish decimal.
    expect(parseAmount('12,5', 2, ['en', 'da-DK'])).toBe(1250);
    expect(parseAmount('1.250', 2, ['en', 'da-DK'])).toBe(125000);
    expect(parseAmount('12,5', 2, ['en'])).toBeNull();
  });

  it('refuses blank, negative, letters, misplaced grouping, too many decimals or digits', () => {
    for (const bad of ['', '  ', '-5', 'abc', '12a', '1.25.0', '1.2345', '12,345,6', '1,25']) {
      expect(parseAmount(bad, 2, ['en']), bad).toBeNull();
    }
    expect(parseAmount('10,5', 0, ['en', 'da-DK'])).toBeNull();
    expect(parseAmount('99999999999', 2, ['en'])).toBeNull();
    expect(parseAmount('1234567890', 2, ['en'])).toBe(123456789000);
  });
});

describe('till modes and cash actions', () => {
  it('give every entry its own function key', () => {
    const keys = [...TILL_MODES.map((m) => m.key), ...CASH_ACTIONS.map((a) => a.key)];
    expect(new Set(keys).size).toBe(keys.length);
    expect(tillModeForKey('F8')).toBe('cash');
    expect(tillModeForKey('F1')).toBeNull();
    expect(tillModeFor('cash')).toBe('cash');
    expect(tillModeFor('nonsense')).toBeNull();
    expect(cashActionForKey('F10')?.panel).toBe('close');
    expect(cashActionForKey('Enter')).toBeUndefined();
  });
});

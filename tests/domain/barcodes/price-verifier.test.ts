import { describe, expect, it } from 'vitest';
import { priceVerifierDigit } from '../../../hub/domain/barcodes/index.js';

// Weighting tables (GS1 General Specifications 7.9.2):
//   digit: 0 1 2 3 4 5 6 7 8 9
//   2-   : 0 2 4 6 8 9 1 3 5 7
//   3    : 0 3 6 9 2 5 8 1 4 7
//   5+   : 0 5 1 6 2 7 3 8 4 9
//   5-   : 0 5 9 4 8 3 7 2 6 1

describe('4-digit price verifier (weights 2-, 2-, 3, 5-; sum x 3, units digit)', () => {
  it.each([
    // GS1 example: 2->4, 8->5, 7->1, 5->3 = 13; 13 x 3 = 39 -> 9
    ['2875', 9],
    // 0->0, 2->4, 9->7, 9->1 = 12; 36 -> 6
    ['0299', 6],
    // 1->2, 2->4, 3->9, 4->8 = 23; 69 -> 9
    ['1234', 9],
    ['0000', 0],
  ])('%s -> %i', (value, digit) => {
    expect(priceVerifierDigit(value)).toBe(digit);
  });
});

describe('5-digit price verifier (weights 5+, 2-, 5-, 5+, 2-; 10 - sum mod 10, found in the 5- row)', () => {
  it.each([
    // GS1 example: 1->5, 4->8, 6->7, 8->4, 5->9 = 33; 40 - 33 = 7; 5- gives 7 for digit 6
    ['14685', 6],
    // 0->0, 1->2, 2->9, 3->6, 4->8 = 25; 30 - 25 = 5; 5- gives 5 for digit 1
    ['01234', 1],
    // 9->9, 9->7, 9->1, 9->9, 9->7 = 33; 7; digit 6
    ['99999', 6],
    ['00000', 0],
  ])('%s -> %i', (value, digit) => {
    expect(priceVerifierDigit(value)).toBe(digit);
  });
});

describe('price verifier input', () => {
  it.each(['', '123', '123456', '12a4'])(
    'throws RangeError for %j (templates only allow 4 or 5 digits)',
    (v) => {
      expect(() => priceVerifierDigit(v)).toThrow(RangeError);
    },
  );
});

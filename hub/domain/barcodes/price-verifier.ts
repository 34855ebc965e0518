// GS1 General Specifications 7.9.2-7.9.4: the price (or measure) verifier digit on variable-measure
// labels. Each position maps its digit through a weighting table; the tables are written out rather
// than computed so they can be checked against the printed standard line by line.

type Table = readonly number[];

/** 2-: digit * 2, minus the tens digit of the product, units digit of that. */
const TWO_MINUS: Table = [0, 2, 4, 6, 8, 9, 1, 3, 5, 7];
/** 3: units digit of digit * 3. */
const THREE: Table = [0, 3, 6, 9, 2, 5, 8, 1, 4, 7];
/** 5+: digit * 5, plus the tens digit of the product, units digit of that. */
const FIVE_PLUS: Table = [0, 5, 1, 6, 2, 7, 3, 8, 4, 9];
/** 5-: digit * 5, minus the tens digit of the product, units digit of that. */
const FIVE_MINUS: Table = [0, 5, 9, 4, 8, 3, 7, 2, 6, 1];

const FOUR_DIGIT_WEIGHTS: readonly Table[] = [TWO_MINUS, TWO_MINUS, THREE, FIVE_MINUS];
const FIVE_DIGIT_WEIGHTS: readonly Table[] = [FIVE_PLUS, TWO_MINUS, FIVE_MINUS, FIVE_PLUS, TWO_MINUS];

function weightedSum(value: string, weights: readonly Table[]): number {
  let sum = 0;
  for (const [i, table] of weights.entries()) {
    const product = table[value.charCodeAt(i) - 48];
    if (product === undefined) throw new RangeError(`price verifier input must be digits, got "${value}"`);
    sum += product;
  }
  return sum;
}

/**
 * Verifier digit for a 4- or 5-digit price or measure field. Throws RangeError for any other input:
 * templates are validated to 4 or 5 value digits before a scan ever reaches this.
 */
export function priceVerifierDigit(value: string): number {
  if (value.length === 4) {
    // 4 digits: the units digit of three times the weighted sum.
    return (weightedSum(value, FOUR_DIGIT_WEIGHTS) * 3) % 10;
  }
  if (value.length === 5) {
    // 5 digits: the complement of the sum to the next multiple of ten is looked up in reverse in the
    // 5- table; the verifier is the digit whose 5- product equals it.
    const complement = (10 - (weightedSum(value, FIVE_DIGIT_WEIGHTS) % 10)) % 10;
    return FIVE_MINUS.indexOf(complement);
  }
  throw new RangeError(`price verifier needs a 4- or 5-digit value, got "${value}"`);
}

import type { LabelTemplate } from '../../../hub/domain/barcodes/index.js';

// Store label layouts used across the barcode tests. Digit budget of each: prefix + item + verifier +
// value + check digit = 13.

/** 2 IIIII V PPPPP C: 5-digit price with a 5-digit verifier, 2 decimals. 1+5+1+5+1 */
export const priceWithVerifier5: LabelTemplate = {
  id: 'price-v5',
  name: 'Price, 5-digit verifier',
  prefix: '2',
  itemDigits: 5,
  value: 'price',
  valueDigits: 5,
  decimals: 2,
  verifier: true,
};

/** 02 IIIII V PPPP C (UPC-A number system 2): 4-digit price with verifier. 2+5+1+4+1 */
export const upcPriceWithVerifier4: LabelTemplate = {
  id: 'upc-price-v4',
  name: 'UPC price, 4-digit verifier',
  prefix: '02',
  itemDigits: 5,
  value: 'price',
  valueDigits: 4,
  decimals: 2,
  verifier: true,
};

/** 21 IIIII WWWWW C: weight in kg with 3 decimals (so grams). 2+5+5+1 */
export const weight21: LabelTemplate = {
  id: 'weight-21',
  name: 'Weight, grams',
  prefix: '21',
  itemDigits: 5,
  value: 'weight',
  valueDigits: 5,
  decimals: 3,
  verifier: false,
};

/** 2 IIIIII PPPPP C: the catch-all price layout. 1+6+5+1 */
export const price2: LabelTemplate = {
  id: 'price-2',
  name: 'Price, no verifier',
  prefix: '2',
  itemDigits: 6,
  value: 'price',
  valueDigits: 5,
  decimals: 2,
  verifier: false,
};

import { beforeEach, describe, expect, it } from 'vitest';
import { encodeLabel, type LabelTemplate } from '../../../hub/domain/barcodes/index.js';
import { badCheckDigit, catalogFixturePerTest, ean13, OWNER } from '../../support/catalog-fixtures.js';

const PRICE: Omit<LabelTemplate, 'id'> = {
  name: 'Deli price',
  prefix: '20',
  itemDigits: 4,
  value: 'price',
  valueDigits: 5,
  decimals: 2,
  verifier: true,
};
const WEIGHT: Omit<LabelTemplate, 'id'> = {
  name: 'Scale weight',
  prefix: '23',
  itemDigits: 5,
  value: 'weight',
  valueDigits: 5,
  decimals: 3,
  verifier: false,
};

describe('barcode lookup', () => {
  const f = catalogFixturePerTest('DK');
  const milkCode = ean13('570123400020');
  let milkId: string;

  beforeEach(() => {
    f.catalog.labelTemplates.put('deli-price', PRICE, OWNER);
    f.catalog.labelTemplates.put('scale-weight', WEIGHT, OWNER);
    milkId = f.product({
      sku: 'MILK',
      name: 'Letmælk',
      priceMinor: 1295,
      barcodes: [milkCode, 'SHELF-1'],
    }).id;
  });

  const lookup = (code: string) => f.catalog.service.lookupBarcode(code);

  it('finds a product by EAN-13, with what the till needs to sell it', () => {
    expect(lookup(milkCode)).toEqual({
      status: 'found',
      scan: 'gtin',
      code: `0${milkCode}`,
      product: {
        id: milkId,
        sku: 'MILK',
        name: 'Letmælk',
        priceMinor: 1295,
        unit: 'piece',
        weighed: false,
        taxClassId: f.taxClassId('standard'),
        taxRateBp: 2500,
        categoryId: null,
      },
      needsWeight: false,
    });
  });

  it('reads a price-embedded deli label: product by PLU plus the printed price', () => {
    const ham = f.product({
      sku: 'HAM',
      name: 'Hamburgerryg',
      priceMinor: 24900,
      barcodes: [{ code: '0042', kind: 'plu' }],
    });
    const label = encodeLabel({ id: 'deli-price', ...PRICE }, '0042', 3475, 2);
    if (!label.ok) throw new Error(label.reason);
    expect(lookup(label.value)).toMatchObject({
      status: 'found',
      scan: 'embedded',
      code: 'PLU:42',
      product: { id: ham.id, name: 'Hamburgerryg' },
      embeddedPriceMinor: 3475,
      needsWeight: false,
    });
  });

  it('reads a weight-embedded label: product plus grams', () => {
    const cheese = f.product({
      sku: 'CHEESE',
      name: 'Danbo 45+',
      unit: 'kg',
      weighed: true,
      priceMinor: 11900,
      barcodes: [{ code: '123', kind: 'plu' }],
    });
    const label = encodeLabel({ id: 'scale-weight', ...WEIGHT }, '00123', 1250, 2);
    if (!label.ok) throw new Error(label.reason);
    expect(lookup(label.value)).toMatchObject({
      status: 'found',
      product: { id: cheese.id, weighed: true },
      weightGrams: 1250,
      needsWeight: false,
    });
  });

  it('asks for a weight when a weighed item is scanned by its plain GTIN', () => {
    const apples = f.product({ name: 'Æbler', unit: 'kg', weighed: true, barcodes: [ean13('570123400021')] });
    expect(lookup(ean13('570123400021'))).toMatchObject({
      status: 'found',
      product: { id: apples.id },
      needsWeight: true,
    });
  });

  it('reads GS1-128 with weight, expiry and batch, and flags an expired pack', () => {
    const gs1 = `(01)0${milkCode}(3103)001250(17)260531(10)LOT42`;
    expect(lookup(gs1)).toMatchObject({
      status: 'found',
      scan: 'gs1',
      product: { id: milkId },
      weightGrams: 1250,
      expiry: '2026-05-31',
      batch: 'LOT42',
      expired: true, // the test clock is 2026-06-01
    });
    expect(lookup(`(01)0${milkCode}(17)260601`)).toMatchObject({ status: 'found', expired: false });
  });

  it('falls back to internal codes and SKUs for plain text', () => {
    expect(lookup('shelf-1')).toMatchObject({
      status: 'found',
      scan: 'code',
      code: 'SHELF-1',
      product: { id: milkId },
    });
    expect(lookup('MILK')).toMatchObject({
      status: 'found',
      scan: 'code',
      code: 'MILK',
      product: { id: milkId },
    });
  });

  it('answers not_found and invalid as values, with a reason', () => {
    expect(lookup(ean13('570123499999'))).toMatchObject({
      status: 'not_found',
      scan: 'gtin',
      reason: 'unknown',
    });
    expect(lookup(badCheckDigit(milkCode))).toMatchObject({
      status: 'invalid',
      reason: expect.stringContaining('check digit') as string,
    });
    expect(lookup('')).toMatchObject({ status: 'invalid' });
    expect(lookup('ab\u0007c')).toMatchObject({
      status: 'invalid',
      reason: 'scan contains control characters',
    });
    const unknownPlu = encodeLabel({ id: 'deli-price', ...PRICE }, '9999', 100, 2);
    if (!unknownPlu.ok) throw new Error(unknownPlu.reason);
    expect(lookup(unknownPlu.value)).toMatchObject({
      status: 'not_found',
      scan: 'embedded',
      code: 'PLU:9999',
    });
  });

  it('does not sell archived products or styles', () => {
    f.catalog.service.setActive(milkId, false, OWNER);
    expect(lookup(milkCode)).toEqual({
      status: 'not_found',
      scan: 'gtin',
      code: `0${milkCode}`,
      reason: 'archived',
      productId: milkId,
    });
  });

  it('refuses a product GTIN that a label template would swallow', () => {
    expect(() => f.product({ barcodes: [ean13('200000000001')] })).toThrow(/label template "deli-price"/);
  });
});

import { describe, expect, it } from 'vitest';
import { catalogFixturePerTest } from '../../support/catalog-fixtures.js';

// A US can of soup: UPC-E 04252614 is the zero-suppressed form of UPC-A 042100005264.
const UPC_E = '04252614';
const UPC_A = '042100005264';
const EAN_13 = '0042100005264';

describe('products entered with a UPC-E barcode', () => {
  const f = catalogFixturePerTest('DK');

  const lookup = (code: string) => f.catalog.service.lookupBarcode(code);

  it('accepts 04252614 and stores it as the GTIN-14 of its UPC-A', () => {
    const soup = f.product({ sku: 'SOUP', name: 'Tomato soup', barcodes: [UPC_E] });
    expect(soup.barcodes).toEqual([{ code: `00${UPC_A}`, kind: 'gtin', display: EAN_13 }]);
  });

  it('accepts a UPC-E given explicitly as a GTIN', () => {
    const soup = f.product({ sku: 'SOUP', barcodes: [{ code: UPC_E, kind: 'gtin' }] });
    expect(soup.barcodes.map((b) => b.code)).toEqual([`00${UPC_A}`]);
  });

  it('is found by a UPC-E scan, a UPC-A scan and the EAN-13 spelling', () => {
    const soup = f.product({ sku: 'SOUP', name: 'Tomato soup', barcodes: [UPC_E] });
    for (const scan of [UPC_E, UPC_A, EAN_13, `]E0${UPC_E}`]) {
      const result = lookup(scan);
      expect(result, scan).toMatchObject({ status: 'found', code: `00${UPC_A}`, product: { id: soup.id } });
    }
  });

  it('a product entered as UPC-A is found by its UPC-E scan', () => {
    const soup = f.product({ sku: 'SOUP', barcodes: [UPC_A] });
    expect(lookup(UPC_E)).toMatchObject({ status: 'found', product: { id: soup.id } });
  });

  it('refuses the UPC-E and its UPC-A on two products: they are the same barcode', () => {
    f.product({ sku: 'SOUP', barcodes: [UPC_E] });
    expect(() => f.product({ sku: 'SOUP-2', barcodes: [UPC_A] })).toThrow();
    expect(() => f.product({ sku: 'SOUP-3', barcodes: [UPC_E, EAN_13] })).toThrow(/listed twice/);
  });

  it('still stores a valid EAN-8 as EAN-8, and refuses 8 digits that are neither', () => {
    const ean8 = f.product({ sku: 'GUM', barcodes: ['96385074'] });
    expect(ean8.barcodes).toEqual([{ code: '00000096385074', kind: 'gtin', display: '96385074' }]);
    // Neither a valid EAN-8 nor a UPC-E (number system 9 does not exist in UPC-E).
    expect(() => f.product({ sku: 'BAD', barcodes: ['96385075'] })).toThrow(/check digit/);
    // Number system 0 but a wrong UPC-E check digit.
    expect(() => f.product({ sku: 'BAD-2', barcodes: ['04252615'] })).toThrow(/check digit/);
  });
});
